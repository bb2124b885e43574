using System.Text;
using Ingest.Checkpoints;
using Ingest.Diagnostics;
using Ingest.Grains;
using Ingest.Placement;

namespace Ingest.Processing;

public sealed partial class PartitionProcessor<TGrain, TEvent>
{
    private async Task ProcessBatchAsync(List<SourceRecord> records, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<string, List<SourcedEvent<TEvent>>>(StringComparer.Ordinal);
        var letters = new List<DeadLetter>();
        var last = -1L;
        foreach (var record in records)
        {
            // A source may hand over records below the committed offset (a seek racing a fetch).
            if (record.Offset < _nextOffset || record.Offset <= last)
            {
                continue;
            }

            last = record.Offset;
            var decoded = Decode(record);
            if (decoded is { IsValid: true, Key: { } key })
            {
                if (!groups.TryGetValue(key, out var events))
                {
                    groups[key] = events = [];
                }

                events.Add(new SourcedEvent<TEvent>(record.Offset, decoded.Event!));
            }
            else
            {
                letters.Add(Letter(record, decoded.Error ?? "the decoder returned no grain key"));
            }
        }

        if (last < 0)
        {
            return;
        }

        if (letters.Count > 0)
        {
            await RetryAsync("dead-letter produce", () => _context.DeadLetters.SendAsync(letters, cancellationToken), cancellationToken);
            _context.Metrics.DeadLetters.Add(letters.Count);
        }

        var messages = await RetryAsync("grain calls", () => CallGrainsAsync(groups), cancellationToken);
        var outbox = messages.Select(m => new OutboxRecord(m.TargetKind, m.TargetKey, _context.Serializer.SerializeToArray(m))).ToList();

        // Not retried: a commit whose answer was lost may have succeeded, and committing again would
        // number its messages twice. The processor fails instead and the partition is acquired again.
        var rows = await _context.Store.CommitAsync(Partition, _lease!.Epoch, last + 1, outbox, cancellationToken);
        Interlocked.Exchange(ref _nextOffset, last + 1);
        _context.Metrics.Records.Add(records.Count);
        _context.Metrics.Commits.Add(1);
        _deliverer!.Enqueue(rows);
    }

    private DecodeResult<TEvent> Decode(SourceRecord record)
    {
        try
        {
            return _context.Decoder.Decode(record);
        }
        catch (Exception exception)
        {
            return DecodeResult<TEvent>.Invalid($"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>One call per key, all at once; every call carries the same committed offset.</summary>
    private async Task<List<OutboxEnvelope>> CallGrainsAsync(Dictionary<string, List<SourcedEvent<TEvent>>> groups)
    {
        var source = Partition.Source;
        var committed = NextOffset;

        // Only this method's calls carry it: an async method's request context does not flow back out.
        if (_context.LocalSilo is { } silo)
        {
            RequestContext.Set(PartitionLocalPlacement.CallerSiloKey, silo);
        }

        var calls = groups.Select(group => _context.Grains.GetGrain<TGrain>(group.Key)
            .ApplyAsync(new EventBatch<TEvent>(source, committed, [.. group.Value]))).ToArray();
        var results = await Task.WhenAll(calls);
        return [.. results.SelectMany(messages => messages)];
    }

    private DeadLetter Letter(SourceRecord record, string reason)
    {
        IngestLog.DeadLettered(_context.Logger, Partition.ToString(), record.Offset, reason);
        string? text = null;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(record.Value);
        }
        catch (DecoderFallbackException)
        {
            // Not text: it travels as base64.
        }

        return new DeadLetter(
            reason, Partition.Topic, Partition.Partition, record.Offset,
            record.Key is null ? null : Encoding.UTF8.GetString(record.Key),
            text, text is null ? Convert.ToBase64String(record.Value) : null,
            _context.TimeProvider.GetUtcNow());
    }

    private Task<bool> RetryAsync(string operation, Func<Task> action, CancellationToken cancellationToken) =>
        RetryAsync(operation, async () => { await action(); return true; }, cancellationToken);

    /// <summary>
    /// Repeats the whole step until it succeeds: the next batch must not start before every grain
    /// has this one, or the grains' offset check would skip its records. Repeated calls are harmless.
    /// </summary>
    private async Task<T> RetryAsync<T>(string operation, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        var delay = _context.Options.RetryDelay;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception exception) when (exception is not PartitionFencedException && !cancellationToken.IsCancellationRequested)
            {
                _context.Metrics.Retries.Add(1);
                IngestLog.Retrying(_context.Logger, Partition.ToString(), operation, delay, exception);
                await Task.Delay(delay, _context.TimeProvider, cancellationToken);
                delay = delay * 2 > _context.Options.MaxRetryDelay ? _context.Options.MaxRetryDelay : delay * 2;
            }
        }
    }
}
