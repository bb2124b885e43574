using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;
using Runtime.Diagnostics;
using Runtime.Log;

namespace Runtime.Snapshots;

/// <summary>
/// Every silo's (and gateway's) local copy of the snapshots that grains publish, read from the
/// compacted snapshots topic by a consumer of its own, so hot paths such as a decision never wait on
/// a remote grain. Each grain type's snapshots are decoded once, on arrival.
/// </summary>
public sealed class SnapshotCache : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<GrainId, object> _entries = new();
    private readonly Dictionary<string, Func<byte[], object?>> _decoders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _positions = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger<SnapshotCache> _logger;
    private Thread? _thread;
    private long _caughtUpAt = -1;
    private long _version;

    public SnapshotCache(ILogger<SnapshotCache> logger) => _logger = logger;

    /// <summary>Incremented on every change, so derived caches know when to rebuild.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>True once everything published before this cache started has been read.</summary>
    public bool IsCaughtUp => Interlocked.Read(ref _caughtUpAt) >= 0 && _positions.GetValueOrDefault(0) >= Interlocked.Read(ref _caughtUpAt);

    /// <summary>Raised on the cache's thread after a snapshot changed.</summary>
    public event Action<GrainId, object>? Changed;

    /// <summary>Decodes snapshots of <typeparamref name="TInterface"/> grains as <typeparamref name="TSnapshot"/>.</summary>
    public void Register<TInterface, TSnapshot>(JsonTypeInfo<TSnapshot> typeInfo)
        where TInterface : IGrainWithStringKey
        where TSnapshot : class
    {
        if (_thread is not null)
        {
            throw new InvalidOperationException("Snapshot types must be registered before the cache starts.");
        }

        _decoders[GrainInterfaceCatalog.NameOf(typeof(TInterface))] = payload => JsonSerializer.Deserialize(payload, typeInfo);
    }

    public bool TryGet<TSnapshot>(GrainId grain, out TSnapshot snapshot)
        where TSnapshot : class
    {
        snapshot = (_entries.TryGetValue(grain, out var value) ? value as TSnapshot : null)!;
        return snapshot is not null;
    }

    /// <summary>Every cached snapshot of one grain type.</summary>
    public IReadOnlyList<TSnapshot> All<TSnapshot>(string grainType)
        where TSnapshot : class =>
        _entries.Where(pair => pair.Key.Type == grainType).Select(pair => pair.Value).OfType<TSnapshot>().ToList();

    /// <summary>Starts reading <paramref name="topic"/> from its beginning in a consumer group of this process alone.</summary>
    public void Start(IPartitionedLog log, string topic)
    {
        ArgumentNullException.ThrowIfNull(log);
        var end = log.GetEndOffsetAsync(topic, 0, _stop.Token).GetAwaiter().GetResult();
        var consumer = log.CreateConsumer($"{topic}.reader.{Guid.NewGuid():N}", new Listener(this));
        consumer.Subscribe([topic]);
        Interlocked.Exchange(ref _caughtUpAt, end);
        _thread = new Thread(() => Run(consumer)) { IsBackground = true, Name = "snapshot-cache" };
        _thread.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join();
        _stop.Dispose();
    }

    /// <summary>Applies one record: used by the reader thread, and directly by tests.</summary>
    internal void Apply(LogRecord record)
    {
        _positions[record.Partition] = record.Offset + 1;
        if (record.Key is null || !SnapshotKey.TryParse(Encoding.UTF8.GetString(record.Key), out var grain))
        {
            return;
        }

        object? value;
        try
        {
            value = _decoders.TryGetValue(grain.Type, out var decode) ? decode(record.Value) : record.Value;
        }
        catch (JsonException exception)
        {
            SnapshotLog.Undecodable(_logger, exception, grain.ToString(), record.Offset);
            return;
        }

        if (value is null)
        {
            return;
        }

        _entries[grain] = value;
        Interlocked.Increment(ref _version);
        Changed?.Invoke(grain, value);
    }

    private void Run(ILogConsumer consumer)
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (consumer.Consume(PollTimeout) is { } record)
                {
                    Apply(record);
                }
            }
        }
#pragma warning disable CA1031 // The cache goes stale rather than taking the silo down; readiness reports it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            SnapshotLog.ReaderFailed(_logger, exception);
            Interlocked.Exchange(ref _caughtUpAt, long.MaxValue);
        }
        finally
        {
            consumer.Close();
            consumer.Dispose();
        }
    }

    /// <summary>After a (rare) re-join, resumes where this cache was rather than replaying older snapshots.</summary>
    private sealed class Listener(SnapshotCache cache) : IAssignmentListener
    {
        public IReadOnlyList<TopicPartitionPosition> OnAssigned(IReadOnlyList<TopicPartitionId> partitions) =>
            partitions.Where(p => cache._positions.ContainsKey(p.Partition))
                .Select(p => new TopicPartitionPosition(p.Topic, p.Partition, cache._positions[p.Partition]))
                .ToList();

        public void OnRevoked(IReadOnlyList<TopicPartitionId> partitions)
        {
        }
    }
}
