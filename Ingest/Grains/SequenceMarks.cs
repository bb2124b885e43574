namespace Ingest.Grains;

/// <summary>
/// A target grain's persisted marks: per source partition, the highest outbox sequence applied.
/// Keep it in the grain's state and write it with the effects of the messages it let through.
/// </summary>
[GenerateSerializer, Alias("Ingest.SequenceMarks")]
public sealed class SequenceMarks
{
    [Id(0)]
    public Dictionary<string, long> Marks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The delivery's items above the source's mark, in order; advances the mark past them.</summary>
    public IReadOnlyList<OutboxItem> TakeFresh(OutboxDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var mark = Marks.GetValueOrDefault(delivery.Source);
        var fresh = delivery.Items.Where(item => item.Sequence > mark).OrderBy(item => item.Sequence).ToList();
        if (fresh.Count > 0)
        {
            Marks[delivery.Source] = fresh[^1].Sequence;
        }

        return fresh;
    }
}
