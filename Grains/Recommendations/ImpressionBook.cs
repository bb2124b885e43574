namespace Grains.Recommendations;

/// <summary>A user's recent impressions; a click on an item credits its latest unclicked impression within the window.</summary>
public static class ImpressionBook
{
    public const int MaxImpressions = 50;

    /// <summary>How long after an impression a click still counts.</summary>
    public static readonly TimeSpan ClickWindow = TimeSpan.FromMinutes(30);

    public static void Record(List<Impression> book, Impression impression)
    {
        ArgumentNullException.ThrowIfNull(book);
        book.Add(impression);
        if (book.Count > MaxImpressions)
        {
            book.RemoveAt(book.IndexOf(book.MinBy(i => i.At)!));
        }
    }

    /// <summary>Marks and returns the impression a click credits, or null when none qualifies.</summary>
    public static Impression? Click(List<Impression> book, string itemId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(book);

        // A loop, not a query: every click runs this, and a capturing predicate allocated per call.
        Impression? impression = null;
        foreach (var candidate in book)
        {
            if (candidate.ItemId == itemId && !candidate.Clicked && at >= candidate.At && at - candidate.At <= ClickWindow
                && (impression is null || candidate.At > impression.At))
            {
                impression = candidate;
            }
        }

        if (impression is not null)
        {
            impression.Clicked = true;
        }

        return impression;
    }
}
