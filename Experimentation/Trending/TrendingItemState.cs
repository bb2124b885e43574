using Experimentation.Features;

namespace Experimentation.Trending;

/// <summary>One tracked item: its category and clicks in a ring of minute buckets with its own head.</summary>
internal sealed class TrendingItemState(string? category, long headMinute, int ringLength)
{
    private readonly int[] _counts = new int[ringLength];

    public string? Category { get; private set; } = category;

    public long HeadMinute { get; private set; } = headMinute;

    public void Add(long minute, int count, string? category)
    {
        if (minute > HeadMinute)
        {
            BucketRing.Advance(_counts, HeadMinute, minute);
            HeadMinute = minute;
        }

        if (BucketRing.Holds(_counts.Length, HeadMinute, minute))
        {
            _counts[BucketRing.Slot(minute, _counts.Length)] += count;
        }

        Category = category ?? Category;
    }

    public int CountAt(long nowMinute) => BucketRing.Sum(_counts, HeadMinute, nowMinute);
}
