namespace Runtime.Tests.Fakes;

/// <summary>
/// A clock that jumps ahead by each one-shot timer's due time as soon as the timer is created, then fires it, so
/// code that waits on it runs at once yet sees exactly the time it waited. Each wait is recorded in <see cref="Waits"/>.
/// </summary>
public sealed class AutoAdvancingTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now;

    public AutoAdvancingTimeProvider(DateTimeOffset start)
    {
        _now = start;
    }

    /// <summary>The due time of every timer created so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    // Elapsed time is measured with timestamps, which the base class takes from the real clock.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock without a timer, as a slow operation would.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (period != Timeout.InfiniteTimeSpan)
        {
            throw new NotSupportedException("Only one-shot timers are supported.");
        }

        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new InertTimer();
        }

        lock (_gate)
        {
            _waits.Add(dueTime);
            _now += dueTime;
        }

        // Firing on the pool, not inline, because Task.Delay is still constructing when CreateTimer returns.
        ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
