using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Storage.GroupCommit;
using Storage.Hosting;
using Storage.Migrations;
using TestInfrastructure;

namespace Storage.Tests.Contract;

/// <summary>
/// One silo with one grain storage provider, named "contract", on a freshly migrated database of
/// its own (a PostgreSQL schema or a SQLite file). The contract tests call the provider directly.
/// </summary>
public abstract class StorageProviderFixture : IAsyncLifetime, IDisposable
{
    public const string ProviderName = "contract";

    private PostgresSchema? _schema;
    private SqliteFile? _sqlite;
    private TestSilo? _silo;

    protected abstract StorageDatabase Database { get; }

    protected abstract bool UsesGroupCommit { get; }

    public IGrainStorage Storage => _silo!.Services.GetRequiredKeyedService<IGrainStorage>(ProviderName);

    public GroupCommitGrainStorage GroupCommitStorage => (GroupCommitGrainStorage)Storage;

    public async Task InitializeAsync()
    {
        string connectionString;
        if (Database == StorageDatabase.PostgreSql)
        {
            _schema = await PostgresSchema.CreateAsync("contract");
            connectionString = _schema.ConnectionString;
        }
        else
        {
            _sqlite = new SqliteFile("contract");
            connectionString = _sqlite.ConnectionString;
        }

        await SchemaMigrator.MigrateAsync(Database, connectionString);
        _silo = await TestSilo.StartAsync(RealServices.UniqueName("contract"), silo => AddProvider(silo, connectionString), localhostClustering: true);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        if (_schema is not null)
        {
            await _schema.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _sqlite?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Lets a fixture run the same contract under other group-commit settings.</summary>
    protected virtual void Tune(GroupCommitStorageOptions options)
    {
    }

    private void AddProvider(ISiloBuilder silo, string connectionString)
    {
        if (UsesGroupCommit)
        {
            silo.AddGroupCommitGrainStorage(ProviderName, options =>
            {
                options.Database = Database;
                options.ConnectionString = connectionString;
                Tune(options);
            });
            return;
        }

        silo.AddAdoNetGrainStorage(ProviderName, options =>
        {
            options.Invariant = Database == StorageDatabase.PostgreSql ? "Npgsql" : "System.Data.SQLite";
            options.ConnectionString = connectionString;
        });
    }
}
