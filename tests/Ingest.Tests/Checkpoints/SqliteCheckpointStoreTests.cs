using Ingest.Checkpoints;

namespace Ingest.Tests.Checkpoints;

public sealed class SqliteCheckpointStoreTests : CheckpointStoreContract, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}.db");
    private readonly SqliteCheckpointStore _store;

    public SqliteCheckpointStoreTests()
    {
        _store = new SqliteCheckpointStore(_path, TimeProvider.System);
    }

    protected override ICheckpointStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
