using Runtime.Storage;

namespace Runtime.Remoting;

/// <summary>
/// Which silo owns which partition, as last read from storage (owners write their row when they
/// take a lease). Readers tolerate staleness: a call that reaches a former owner is answered
/// "not owner" and retried after a refresh.
/// </summary>
public sealed class PartitionDirectory(ICheckpointStore store, string cluster)
{
    private volatile Dictionary<int, PartitionOwnership> _entries = new Dictionary<int, PartitionOwnership>();
    private int _refreshRequested;

    public IReadOnlyDictionary<int, PartitionOwnership> Entries => _entries;

    /// <summary>Set when a caller saw a stale entry; the refresh loop reacts at once instead of waiting its interval.</summary>
    public bool RefreshRequested => Volatile.Read(ref _refreshRequested) == 1;

    public void RequestRefresh() => Volatile.Write(ref _refreshRequested, 1);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _refreshRequested, 0);
        var rows = await store.ReadDirectoryAsync(cluster, cancellationToken).ConfigureAwait(false);
        _entries = rows.ToDictionary(row => row.Partition);
    }

    public Uri? OwnerOf(int partition) =>
        _entries.TryGetValue(partition, out var entry) && Uri.TryCreate(entry.OwnerAddress, UriKind.Absolute, out var address) ? address : null;
}
