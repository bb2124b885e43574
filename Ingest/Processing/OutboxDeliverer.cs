using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Grains;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace Ingest.Processing;

/// <summary>
/// Delivers a partition's committed outbox rows: one pass at a time, each target receiving its rows
/// in sequence order in one call, then deletes them under the epoch. A failed pass is retried whole;
/// targets drop the sequences they already applied.
/// </summary>
internal sealed class OutboxDeliverer : IDisposable
{
    private readonly PartitionLease _lease;
    private readonly IReadOnlyDictionary<string, IOutboxTarget> _targets;
    private readonly ICheckpointStore _store;
    private readonly Serializer _serializer;
    private readonly IngestOptions _options;
    private readonly IngestMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly List<OutboxRow> _pending = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Lock _lock = new();

    public OutboxDeliverer(PartitionLease lease, IReadOnlyDictionary<string, IOutboxTarget> targets, ICheckpointStore store, Serializer serializer,
        IngestOptions options, IngestMetrics metrics, ILogger logger, TimeProvider timeProvider)
    {
        (_lease, _targets, _store, _serializer) = (lease, targets, store, serializer);
        (_options, _metrics, _logger, _timeProvider) = (options, metrics, logger, timeProvider);
    }

    /// <summary>Queues committed rows for the next pass.</summary>
    public void Enqueue(IReadOnlyList<OutboxRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            _pending.AddRange(rows);
        }

        _signal.Release();
    }

    /// <summary>Runs passes whenever rows are queued, until <paramref name="stopping"/>; a fenced delete ends it.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await PassAsync(stopping);
            }
            catch (Exception exception) when (exception is not PartitionFencedException && stopping.IsCancellationRequested)
            {
                // Stopping mid-pass: the rows stay queued for the final pass, or for the next owner.
                return;
            }
        }
    }

    /// <summary>Delivers and deletes everything queued, retrying failures until <paramref name="cancellationToken"/>.</summary>
    public async Task PassAsync(CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay;
        while (true)
        {
            List<OutboxRow> rows;
            lock (_lock)
            {
                rows = [.. _pending];
            }

            if (rows.Count == 0)
            {
                return;
            }

            try
            {
                await DeliverAsync(rows, cancellationToken);
                await _store.DeleteOutboxAsync(_lease.Partition, _lease.Epoch, rows[^1].Sequence, cancellationToken);
                lock (_lock)
                {
                    _pending.RemoveRange(0, rows.Count);
                }

                _metrics.OutboxDelivered.Add(rows.Count);
                delay = _options.RetryDelay;
            }
            catch (PartitionFencedException)
            {
                _metrics.Fenced.Add(1);
                IngestLog.Fenced(_logger, _lease.Partition.ToString(), _lease.Epoch);
                throw;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                _metrics.Retries.Add(1);
                IngestLog.Retrying(_logger, _lease.Partition.ToString(), "outbox delivery", delay, exception);
                await Task.Delay(delay, _timeProvider, cancellationToken);
                delay = Next(delay);
            }
        }
    }

    private Task DeliverAsync(List<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var source = _lease.Partition.Source;
        var calls = rows
            .GroupBy(row => (row.TargetKind, row.TargetKey))
            .Select(group =>
            {
                var target = _targets.TryGetValue(group.Key.TargetKind, out var found)
                    ? found
                    : throw new InvalidOperationException($"No outbox target is registered for kind '{group.Key.TargetKind}'.");
                var items = group.OrderBy(row => row.Sequence)
                    .Select(row => new OutboxItem(row.Sequence, Open(row).Payload))
                    .ToArray();
                return target.DeliverAsync(group.Key.TargetKey, new OutboxDelivery(source, items), cancellationToken);
            });
        return Task.WhenAll(calls);
    }

    public void Dispose() => _signal.Dispose();

    private OutboxEnvelope Open(OutboxRow row) => _serializer.Deserialize<OutboxEnvelope>(row.Envelope)
        ?? throw new InvalidOperationException($"Outbox row {row.Sequence} of {_lease.Partition} holds no envelope.");

    private TimeSpan Next(TimeSpan delay) => delay * 2 > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay * 2;
}
