namespace Grains.Experiments;

/// <summary>
/// A user's most recent exposure per experiment, which is what a later reward is credited to. Bounded:
/// exposures whose window has closed go first, then the oldest.
/// </summary>
public static class ExposureBook
{
    /// <summary>At most this many experiments' exposures are kept per user.</summary>
    public const int MaxExposures = 64;

    /// <summary>
    /// Remembers <paramref name="exposure"/> as the experiment's most recent one. An older one (replayed, or
    /// decided under an earlier iteration by a silo whose cache lagged) is ignored.
    /// </summary>
    public static bool Record(List<Exposure> book, Exposure exposure)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(exposure);
        var index = book.FindIndex(e => e.ExperimentId == exposure.ExperimentId);
        if (index >= 0)
        {
            if (book[index].At > exposure.At || book[index].Iteration > exposure.Iteration)
            {
                return false;
            }

            book.RemoveAt(index);
        }

        book.Add(exposure);
        Trim(book, exposure.At);
        return true;
    }

    /// <summary>
    /// Credits a reward of <paramref name="eventType"/> at <paramref name="at"/> to every experiment whose
    /// most recent exposure expects that reward, covers that time (less the clock-skew tolerance) and was not credited yet.
    /// </summary>
    public static IReadOnlyList<Exposure> Credit(List<Exposure> book, string eventType, DateTimeOffset at, TimeSpan tolerance = default)
    {
        ArgumentNullException.ThrowIfNull(book);

        // Called for every event a user sends, and most credit nothing: no list until one does.
        List<Exposure>? credited = null;
        foreach (var exposure in book)
        {
            if (!exposure.Credited && exposure.RewardEventType == eventType && exposure.Covers(at, tolerance))
            {
                exposure.Credited = true;
                (credited ??= []).Add(exposure);
            }
        }

        return credited ?? (IReadOnlyList<Exposure>)[];
    }

    private static void Trim(List<Exposure> book, DateTimeOffset now)
    {
        if (book.Count <= MaxExposures)
        {
            return;
        }

        book.RemoveAll(e => now - e.At > TimeSpan.FromSeconds(e.WindowSeconds));
        while (book.Count > MaxExposures)
        {
            book.RemoveAt(book.IndexOf(book.MinBy(e => e.At)!));
        }
    }
}
