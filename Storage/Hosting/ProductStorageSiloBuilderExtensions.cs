using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Storage.GroupCommit;

namespace Storage.Hosting;

public static class ProductStorageSiloBuilderExtensions
{
    /// <summary>
    /// Configures the silo's default grain storage from configuration and migrates its schema at start-up.
    /// <list type="bullet">
    /// <item><c>Storage:Provider</c>: <c>GroupCommit</c> (default) or <c>AdoNet</c> (Orleans' stock provider).</item>
    /// <item><c>ConnectionStrings:Postgres</c>: when set, state lives in PostgreSQL.</item>
    /// <item><c>Storage:SqlitePath</c>: otherwise, the SQLite file (default <c>orleans-grains.db</c> in the working directory).</item>
    /// <item><c>Storage:MaxGroupSize</c> (1-10000, default 512) and <c>Storage:MaxConcurrentGroups</c> (1-64, default 1; PostgreSQL only): group-commit tuning.</item>
    /// </list>
    /// </summary>
    public static ISiloBuilder AddProductStorage(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = ProductStorageSettings.From(configuration);
        builder.AddSchemaMigrations(settings.Database, settings.ConnectionString);
        if (settings.Provider == ProductStorageProvider.AdoNet)
        {
            builder.AddAdoNetGrainStorageAsDefault(options =>
            {
                // Orleans maps the System.Data.SQLite invariant to Microsoft.Data.Sqlite; the package's own name is not accepted.
                options.Invariant = settings.Database == StorageDatabase.PostgreSql ? "Npgsql" : "System.Data.SQLite";
                options.ConnectionString = settings.ConnectionString;
            });
            return builder;
        }

        return builder.AddGroupCommitGrainStorageAsDefault((GroupCommitStorageOptions options) =>
        {
            configuration.GetSection("Storage").Bind(options);
            options.Database = settings.Database;
            options.ConnectionString = settings.ConnectionString;
        });
    }
}
