using Ingest.Checkpoints;
using TestInfrastructure;

namespace Ingest.Tests.Checkpoints;

public sealed class PostgresCheckpointStoreTests : CheckpointStoreContract, IAsyncDisposable
{
    private readonly PostgresCheckpointStore _store = new(RealServices.Instance.PostgresConnectionString, TimeProvider.System);

    protected override ICheckpointStore Store => _store;

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
