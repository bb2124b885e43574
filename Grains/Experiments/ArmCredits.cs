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

    public static ArmCredits Combine(ArmCredits pending, ArmCredits next)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(next);
        var merged = new List<ArmCredit>(pending.Items);
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

        return new ArmCredits { Items = merged };
    }
}
