namespace Runtime.Hosting;

/// <summary>
/// Where state lives. <c>ConnectionStrings:Postgres</c> selects PostgreSQL (cluster mode); without
/// it, the embedded default keeps state in the SQLite file <see cref="SqlitePath"/>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The PostgreSQL connection string, read from <c>ConnectionStrings:Postgres</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The SQLite file used when no PostgreSQL connection string is configured.</summary>
    public string SqlitePath { get; set; } = "orleans-local.db";

    public bool UsePostgres => !string.IsNullOrWhiteSpace(PostgresConnectionString);
}
