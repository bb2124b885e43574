namespace Grains.Experiments;

/// <summary>
/// The durable message from user grains to an experiment grain. All credits of one partition for one
/// experiment combine into a single message per checkpoint, so a hot experiment receives at most one
/// message per partition per checkpoint interval, whatever the traffic.
/// </summary>
public sealed record ArmCredits
{
    public List<ArmCredit> Items { get; init; } = [];

    public static ArmCredits Of(ArmCredit credit) => new() { Items = [credit] };

    /// <summary>
    /// Folds <paramref name="next"/> into <paramref name="pending"/> and returns it. The outbox owns a
    /// message once it is sent, so the fold happens in place: a copy per credit would make a hot
    /// experiment's checkpoint quadratic in its traffic.
    /// </summary>
    public static ArmCredits Combine(ArmCredits pending, ArmCredits next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        var merged = pending.Items;
        foreach (var credit in next.Items)
        {
            var index = merged.FindIndex(item => item.Variant == credit.Variant && item.Segment == credit.Segment);
            if (index < 0)
            {
                merged.Add(credit);
            }
            else
            {
                merged[index] = merged[index].Add(credit);
            }
        }

        return pending;
    }
}
