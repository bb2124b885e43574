namespace Ingest.Grains;

/// <summary>
/// The ingest half of a consuming grain's persisted state: the per-partition offset check and the
/// messages a replay must return again. Keep it in the grain's state and write it with the effects
/// of the records it let through, in the same <c>WriteStateAsync</c>.
/// </summary>
[GenerateSerializer, Alias("Ingest.IngestProgress")]
public sealed class IngestProgress
{
    [Id(0)]
    public Dictionary<string, SourceProgress> Sources { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Calls <paramref name="apply"/> for each record above the source's last applied offset and
    /// returns the messages of every record of the batch at or above the committed offset, those
    /// applied now and those applied by an earlier, uncommitted delivery of the same records.
    /// </summary>
    public OutboxEnvelope[] Apply<TEvent>(EventBatch<TEvent> batch, Func<SourcedEvent<TEvent>, IReadOnlyList<OutboxEnvelope>> apply)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(apply);
        if (!Sources.TryGetValue(batch.Source, out var progress))
        {
            progress = new SourceProgress();
            Sources[batch.Source] = progress;
        }

        // Below the committed offset the messages are in the outbox already.
        progress.Pending.RemoveAll(pending => pending.Offset < batch.CommittedOffset);
        foreach (var sourced in batch.Events)
        {
            if (sourced.Offset <= progress.LastOffset)
            {
                continue;
            }

            var messages = apply(sourced);
            if (messages.Count > 0)
            {
                progress.Pending.Add(new PendingMessages(sourced.Offset, [.. messages]));
            }

            progress.LastOffset = sourced.Offset;
        }

        var offsets = batch.Events.Select(sourced => sourced.Offset).ToHashSet();
        return [.. progress.Pending.Where(pending => offsets.Contains(pending.Offset)).SelectMany(pending => pending.Messages)];
    }
}
