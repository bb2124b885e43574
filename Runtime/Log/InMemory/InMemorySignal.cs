using System.Diagnostics;

namespace Runtime.Log.InMemory;

/// <summary>
/// Wakes consumers blocked in Consume when anything they might be waiting for changes: a record
/// was appended, a member joined or left, a partition was released. A version counter makes the
/// wait race-free: a consumer reads the version, looks for work, and sleeps only if the version is
/// still the one it read.
/// </summary>
internal sealed class InMemorySignal
{
    private static readonly TimeSpan MaxSingleWait = TimeSpan.FromHours(1);

    private readonly object _gate = new();
    private long _version;
    private int _waiters;

    public long Version => Interlocked.Read(ref _version);

    public void Set()
    {
        Interlocked.Increment(ref _version);

        // Both sides use full fences (Interlocked), so either the waiter sees the new version or we
        // see the waiter and pulse; appends with nobody waiting stay lock-free.
        if (Volatile.Read(ref _waiters) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Blocks until the version differs from <paramref name="seen"/> or the timeout elapses.</summary>
    public void Wait(long seen, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            Interlocked.Increment(ref _waiters);
            try
            {
                while (Interlocked.Read(ref _version) == seen)
                {
                    var remaining = timeout == Timeout.InfiniteTimeSpan ? MaxSingleWait : timeout - Stopwatch.GetElapsedTime(started);
                    if (remaining <= TimeSpan.Zero)
                    {
                        return;
                    }

                    // Monitor.Wait takes at most int.MaxValue ms; longer timeouts wait in slices.
                    Monitor.Wait(_gate, remaining < MaxSingleWait ? remaining : MaxSingleWait);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiters);
            }
        }
    }
}
