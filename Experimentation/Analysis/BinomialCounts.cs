namespace Experimentation.Analysis;

/// <summary>Units observed and the units among them that converted (or decisions and their successes).</summary>
public readonly record struct BinomialCounts(long Trials, long Successes)
{
    /// <summary>Successes / Trials, or 0 with no trials.</summary>
    public double Rate => Trials > 0 ? (double)Successes / Trials : 0;

    internal void EnsureValid(string name)
    {
        if (Trials < 0 || Successes < 0 || Successes > Trials)
        {
            throw new ArgumentOutOfRangeException(name, this, "Counts need 0 ≤ successes ≤ trials.");
        }
    }
}
