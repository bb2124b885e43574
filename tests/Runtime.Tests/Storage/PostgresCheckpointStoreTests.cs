using Npgsql;
using Runtime.Storage;
using Runtime.Storage.Postgres;
using TestInfrastructure;

namespace Runtime.Tests.Storage;

/// <summary>
/// Runs the checkpoint store contract on the real PostgreSQL server, in a new schema per test so
/// that every test, and concurrent migration in particular, starts from an empty database.
/// </summary>
public sealed class PostgresCheckpointStoreTests : CheckpointStoreContractTests
{
    private readonly string _schema = RealServices.UniqueName("t").Replace('-', '_');
    private NpgsqlDataSource? _dataSource;

    protected override ICheckpointStore CreateStore(TimeProvider timeProvider) =>
        new PostgresCheckpointStore(_dataSource ?? throw new InvalidOperationException("set up first"), timeProvider);

    protected override async Task SetUpDatabaseAsync()
    {
        var builder = new NpgsqlDataSourceBuilder(RealServices.Instance.PostgresConnectionString);
        builder.ConnectionStringBuilder.SearchPath = _schema;
        _dataSource = builder.Build();
        await using var command = _dataSource.CreateCommand($"CREATE SCHEMA \"{_schema}\"");
        await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task TearDownDatabaseAsync()
    {
        if (_dataSource is null)
        {
            return;
        }

        await using (var command = _dataSource.CreateCommand($"DROP SCHEMA \"{_schema}\" CASCADE"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _dataSource.DisposeAsync();
    }
}
