namespace Grains.Experiments;

/// <summary>
/// The user's recent outcome events, held for the clock-skew tolerance in event time, so that an exposure
/// arriving after its reward is still credited. Expiry goes by event time, never by the wall clock, so a
/// replay after a crash holds and credits exactly what the first run did.
/// </summary>
public static class HeldRewardBook
{
    /// <summary>At most this many events are held per user; the oldest go first.</summary>
    public const int MaxHeld = 16;

    /// <summary>Holds an outcome event, remembering the experiments it has already credited.</summary>
    public static List<HeldReward> Hold(List<HeldReward>? book, HeldReward reward, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(reward);
        book ??= [];
        Expire(book, reward.At - tolerance);
        book.Add(reward);
        if (book.Count > MaxHeld)
        {
            book.RemoveAt(book.IndexOf(book.MinBy(r => r.At)!));
        }

        return book;
    }

    /// <summary>
    /// The held event that credits <paramref name="exposure"/>, just recorded as its experiment's latest, or
    /// null. The first that fits wins: a decision is credited at most once, and an event at most once per experiment.
    /// </summary>
    public static HeldReward? Claim(List<HeldReward>? book, Exposure exposure, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (book is null)
        {
            return null;
        }

        // Older than the tolerance before this exposure: no later exposure can claim it either.
        Expire(book, exposure.At - tolerance);
        if (exposure.Credited)
        {
            return null;
        }

        foreach (var reward in book)
        {
            if (reward.Type == exposure.RewardEventType && exposure.Covers(reward.At, tolerance) && !reward.Credited.Contains(exposure.ExperimentId))
            {
                exposure.Credited = true;
                reward.Credited.Add(exposure.ExperimentId);
                return reward;
            }
        }

        return null;
    }

    private static void Expire(List<HeldReward> book, DateTimeOffset before) => book.RemoveAll(r => r.At < before);
}
