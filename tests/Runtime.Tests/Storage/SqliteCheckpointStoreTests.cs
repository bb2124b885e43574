using Microsoft.Data.Sqlite;
using Runtime.Storage;
using Runtime.Storage.Sqlite;
using TestInfrastructure;

namespace Runtime.Tests.Storage;

/// <summary>Runs the checkpoint store contract on a new SQLite file per test.</summary>
public sealed class SqliteCheckpointStoreTests : CheckpointStoreContractTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), RealServices.UniqueName("checkpoints") + ".db");

    [Fact]
    public async Task InitializeAsync_NewFile_SwitchesToWalJournal()
    {
        await NewStoreAsync();

        await using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = new SqliteCommand("PRAGMA journal_mode", connection);
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    protected override ICheckpointStore CreateStore(TimeProvider timeProvider) => new SqliteCheckpointStore(_path, timeProvider);

    protected override Task TearDownDatabaseAsync()
    {
        // The stores are disposed by now, which closed their pooled connections to the file.
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return Task.CompletedTask;
    }
}
