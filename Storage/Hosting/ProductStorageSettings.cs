using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Storage.Configuration;

namespace Storage.Hosting;

/// <summary>
/// Which grain storage provider and database the configuration selects. Read once at start-up;
/// an invalid value stops the silo with a message naming the key, the value and the rule.
/// </summary>
public sealed record ProductStorageSettings(ProductStorageProvider Provider, StorageDatabase Database, string ConnectionString)
{
    /// <summary>The SQLite file used when neither <c>ConnectionStrings:Postgres</c> nor <c>Storage:SqlitePath</c> is set.</summary>
    public const string DefaultSqlitePath = "orleans-grains.db";

    /// <summary>Reads <c>Storage:Provider</c>, <c>ConnectionStrings:Postgres</c> and <c>Storage:SqlitePath</c>.</summary>
    public static ProductStorageSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var failures = new List<string>();
        var providerText = configuration["Storage:Provider"] ?? nameof(ProductStorageProvider.GroupCommit);
        OptionChecks.OneOf(failures, "Storage:Provider", providerText, Enum.GetNames<ProductStorageProvider>());
        var sqlitePath = configuration["Storage:SqlitePath"] ?? DefaultSqlitePath;
        var postgres = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            OptionChecks.NotEmpty(failures, "Storage:SqlitePath", sqlitePath);
        }

        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), nameof(configuration));
        }

        var provider = Enum.Parse<ProductStorageProvider>(providerText, ignoreCase: true);
        return string.IsNullOrWhiteSpace(postgres)
            ? new ProductStorageSettings(provider, StorageDatabase.Sqlite, new SqliteConnectionStringBuilder { DataSource = sqlitePath }.ToString())
            : new ProductStorageSettings(provider, StorageDatabase.PostgreSql, postgres);
    }
}
