-- The ADO.NET providers of Orleans read every statement they issue from this table, by key.
-- The migrations that follow fill it; a provider fails at start-up if one of its keys is missing.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
