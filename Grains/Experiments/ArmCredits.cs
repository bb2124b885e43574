using Grains.Messages;

namespace Grains.Experiments;

/// <summary>
/// The durable message from user grains to an experiment grain. All credits of one partition for one
/// experiment combine into a single message per checkpoint, so a hot experiment receives at most one
/// message per partition per checkpoint interval, whatever the traffic.
/// </summary>
public sealed record ArmCredits
{
    // Where each (variant, segment, iteration) sits in Items (see KeyedFold).
    private Dictionary<(string Variant, string Segment, long Iteration), int>? _index;

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
        KeyedFold.Into(pending.Items, ref pending._index, next.Items, static credit => (credit.Variant, credit.Segment, credit.Iteration), static (left, right) => left.Add(right));
        return pending;
    }
}
