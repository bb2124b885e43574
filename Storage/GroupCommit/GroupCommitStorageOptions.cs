using Orleans;
using Orleans.Storage;

namespace Storage.GroupCommit;

/// <summary>
/// Options of one group-commit grain storage provider. <c>AddProductStorage</c> binds them from the
/// <c>Storage</c> configuration section (<c>Storage:MaxGroupSize</c>, <c>Storage:MaxConcurrentGroups</c>)
/// and fills <see cref="Database"/> and <see cref="ConnectionString"/> from
/// <c>ConnectionStrings:Postgres</c> or <c>Storage:SqlitePath</c>. Validated when the host starts.
/// </summary>
public sealed class GroupCommitStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>Which database the connection string points at.</summary>
    public StorageDatabase Database { get; set; } = StorageDatabase.PostgreSql;

    /// <summary>An Npgsql or Microsoft.Data.Sqlite connection string; the schema must be migrated (see <c>AddSchemaMigrations</c>).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>At most this many grain writes go in one round trip (<c>Storage:MaxGroupSize</c>, 1-10000, default 512).</summary>
    public int MaxGroupSize { get; set; } = 512;

    /// <summary>
    /// Groups in flight at once on PostgreSQL (<c>Storage:MaxConcurrentGroups</c>, 1-64, default 1).
    /// One gives the largest groups and the least CPU per write: measured on 2 cores with silo and
    /// database together, four in flight cost about twice the CPU per write of one and wrote less.
    /// More can pay on a server with cores to spare, where one group's commit flush then overlaps
    /// the next group; a further group starts only once 16 writes wait, so groups stay large.
    /// SQLite has a single writer, so it always uses one.
    /// </summary>
    public int MaxConcurrentGroups { get; set; } = 1;

    /// <summary>The silo lifecycle stage at which the provider opens its database; Orleans' storage default.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>How grain states become bytes; when unset, the silo's <see cref="IGrainStorageSerializer"/> (Orleans' default).</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
