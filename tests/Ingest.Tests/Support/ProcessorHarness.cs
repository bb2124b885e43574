using System.Threading.Channels;
using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Processing;
using Ingest.TestGrains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using TestInfrastructure;

namespace Ingest.Tests.Support;

/// <summary>Builds processors of one test partition against the shared cluster and a SQLite store.</summary>
public sealed class ProcessorHarness : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ingest-{Guid.NewGuid():N}.db");
    private readonly IngestMetrics _metrics = new();

    public ProcessorHarness(IClusterClient client)
    {
        Client = client;
        Store = new SqliteCheckpointStore(_path, TimeProvider.System);
        Partition = new PartitionId(RealServices.UniqueName("cluster"), "events", 0);
    }

    public IClusterClient Client { get; }

    public SqliteCheckpointStore Store { get; }

    public PartitionId Partition { get; }

    public ListDeadLetterSink DeadLetters { get; } = new();

    public IngestOptions Options { get; } = new() { MaxBatchSize = 20, RetryDelay = TimeSpan.FromMilliseconds(10) };

    public ProcessorContext<CountEvent> Context(ICheckpointStore? store = null) => new(
        Client,
        new TestDecoder(),
        store ?? Store,
        new Dictionary<string, IOutboxTarget> { [CountingGrain.CreditKind] = new GrainOutboxTarget<ICreditGrain>(CountingGrain.CreditKind, Client) },
        DeadLetters,
        Client.ServiceProvider.GetRequiredService<Serializer>(),
        Options,
        _metrics,
        NullLogger.Instance,
        TimeProvider.System);

    /// <summary>A started processor (acquired) fed with <paramref name="records"/> from its lease's next offset on.</summary>
    public async Task<PartitionProcessor<ICountingGrain, CountEvent>> StartAsync(
        IReadOnlyList<SourceRecord> records, ICheckpointStore? store = null, string owner = "owner", Channel<SourceRecord>? source = null)
    {
        var channel = source ?? Channel.CreateUnbounded<SourceRecord>();
        var processor = new PartitionProcessor<ICountingGrain, CountEvent>(Partition, channel.Reader, Context(store));
        var lease = await processor.StartAsync(owner, CancellationToken.None);
        foreach (var record in records.Where(r => r.Offset >= lease.NextOffset))
        {
            channel.Writer.TryWrite(record);
        }

        return processor;
    }

    /// <summary>Waits until <paramref name="processor"/> committed everything and the outbox is empty.</summary>
    public Task WaitUntilDoneAsync(PartitionProcessor<ICountingGrain, CountEvent> processor, long records) =>
        Eventually.TrueAsync(
            async () => processor.NextOffset == records && (await Store.ReadOutboxAsync(Partition, CancellationToken.None)).Count == 0,
            TimeSpan.FromSeconds(30),
            $"{Partition} committed through {records} with an empty outbox");

    public void Dispose()
    {
        Store.Dispose();
        _metrics.Dispose();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
