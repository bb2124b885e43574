namespace Experimentation.Features;

/// <summary>
/// Decayed category scores, at most <c>maxCategories</c> of them. The list is short, so a linear scan
/// costs less than a dictionary's memory; each score update is O(1).
/// </summary>
internal sealed class CategoryAffinity(int maxCategories, long halfLifeMs)
{
    private string[] _names = [];
    private DecayedScore[] _scores = [];
    private int _count;

    /// <summary>
    /// Adds an event's weight. When full, the new category replaces the weakest one only if its own
    /// score is at least as high, both compared at <paramref name="latestMs"/>: the set is always the
    /// strongest categories seen, as if the evicted ones had never been kept.
    /// </summary>
    public void Add(string category, double weight, long timeMs, long latestMs)
    {
        var index = Array.IndexOf(_names, category, 0, _count);
        if (index >= 0)
        {
            _scores[index] = _scores[index].Add(weight, timeMs, halfLifeMs);
            return;
        }

        if (_count < maxCategories)
        {
            if (_count == _names.Length)
            {
                var size = Math.Min(maxCategories, Math.Max(4, _count * 2));
                Array.Resize(ref _names, size);
                Array.Resize(ref _scores, size);
            }

            index = _count++;
        }
        else
        {
            index = Weakest(latestMs);
            if (weight * DecayedScore.Factor(latestMs - timeMs, halfLifeMs) < _scores[index].At(latestMs, halfLifeMs))
            {
                return;
            }
        }

        _names[index] = category;
        _scores[index] = new DecayedScore(weight, timeMs);
    }

    /// <summary>The <paramref name="count"/> highest scores at <paramref name="nowMs"/>, highest first (ties by name).</summary>
    public CategoryScore[] Top(long nowMs, int count)
    {
        var all = new CategoryScore[_count];
        for (var i = 0; i < _count; i++)
        {
            all[i] = new CategoryScore(_names[i], _scores[i].At(nowMs, halfLifeMs));
        }

        Array.Sort(all, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Category, b.Category));
        return count >= all.Length ? all : all[..count];
    }

    public (string[] Names, double[] Scores, long[] ReferencesMs) Export() =>
        (_names[.._count], [.. _scores[.._count].Select(s => s.Score)], [.. _scores[.._count].Select(s => s.ReferenceMs)]);

    public static CategoryAffinity Import(int maxCategories, long halfLifeMs, string[] names, double[] scores, long[] referencesMs)
    {
        if (scores.Length != names.Length || referencesMs.Length != names.Length)
        {
            throw new ArgumentException($"categories has {names.Length} names, {scores.Length} scores and {referencesMs.Length} times: they must match.", nameof(names));
        }

        var affinity = new CategoryAffinity(maxCategories, halfLifeMs);
        var latestMs = referencesMs.Length == 0 ? 0 : referencesMs.Max();
        for (var i = 0; i < names.Length; i++)
        {
            affinity.Add(names[i], scores[i], referencesMs[i], latestMs);
        }

        return affinity;
    }

    private int Weakest(long atMs)
    {
        var weakest = 0;
        for (var i = 1; i < _count; i++)
        {
            if (_scores[i].At(atMs, halfLifeMs) < _scores[weakest].At(atMs, halfLifeMs))
            {
                weakest = i;
            }
        }

        return weakest;
    }
}
