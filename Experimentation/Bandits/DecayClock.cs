namespace Experimentation.Bandits;

/// <summary>
/// Time bookkeeping for lazily discounted statistics. Observations are stored multiplied by
/// 2^((t − epoch) / halfLife), so recording one costs O(1); reading multiplies by
/// 0.5^((asOf − epoch) / halfLife). The epoch moves forward before the stored weights get large.
/// </summary>
internal sealed class DecayClock
{
    // 2^64: far inside double range, and rebasing every 64 half-lives costs nothing noticeable.
    private const double MaxHalfLives = 64;
    private readonly TimeSpan? _halfLife;
    private DateTimeOffset? _epoch;

    public DecayClock(TimeSpan? halfLife, DateTimeOffset? asOf)
    {
        _halfLife = halfLife;
        AsOf = asOf;
        _epoch = asOf;
    }

    /// <summary>The latest time observed or advanced to; reads are as of then.</summary>
    public DateTimeOffset? AsOf { get; private set; }

    /// <summary>Scale that turns stored statistics into their weight at <see cref="AsOf"/>.</summary>
    public double ReadScale => _halfLife is { } halfLife && _epoch is { } epoch && AsOf is { } asOf
        ? Math.Pow(0.5, (asOf - epoch) / halfLife)
        : 1;

    /// <summary>True when stored weights have grown enough that the caller should <see cref="Rebase"/>.</summary>
    public bool ShouldRebase => _halfLife is { } halfLife && _epoch is { } epoch && AsOf is { } asOf
        && (asOf - epoch) / halfLife > MaxHalfLives;

    /// <summary>Moves the clock to <paramref name="now"/> if that is later.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (AsOf is null || now > AsOf)
        {
            AsOf = now;
        }

        _epoch ??= now;
    }

    /// <summary>The factor by which to store an observation made at <paramref name="at"/>.</summary>
    public double StorageWeight(DateTimeOffset at)
    {
        Advance(at);
        return _halfLife is { } halfLife && _epoch is { } epoch ? Math.Pow(2, (at - epoch) / halfLife) : 1;
    }

    /// <summary>Moves the epoch to <see cref="AsOf"/>; returns the factor to multiply every stored value by.</summary>
    public double Rebase()
    {
        var scale = ReadScale;
        _epoch = AsOf;
        return scale;
    }
}
