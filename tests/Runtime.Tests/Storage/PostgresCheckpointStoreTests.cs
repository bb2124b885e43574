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

    [Fact]
    public async Task InitializeAsync_NewDatabase_GrainRowsLeaveRoomForInPlaceUpdatesAndKeysCompareByteWise()
    {
        await NewStoreAsync();

        await using (var options = _dataSource!.CreateCommand("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'rt_grains'::regclass"))
        {
            Assert.Equal("fillfactor=50", (string?)await options.ExecuteScalarAsync(Ct));
        }

        await using var collations = _dataSource.CreateCommand("""
            SELECT string_agg(a.attname || ':' || c.collname, ',' ORDER BY a.attnum)
            FROM pg_attribute a JOIN pg_collation c ON c.oid = a.attcollation
            WHERE a.attrelid = 'rt_grains'::regclass AND a.attnum > 0
            """);
        Assert.Equal("cluster:C,grain_type:C,grain_key:C", (string?)await collations.ExecuteScalarAsync(Ct));
    }

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
