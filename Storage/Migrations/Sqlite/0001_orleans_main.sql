-- The ADO.NET providers of Orleans read every statement they issue from this table, by key.
CREATE TABLE OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);
