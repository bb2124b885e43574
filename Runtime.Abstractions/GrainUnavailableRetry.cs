namespace Runtime.Abstractions;

/// <summary>
/// The back-off of one call that may meet a grain with no reachable owner (<see cref="GrainUnavailableException"/>,
/// or its HTTP form, a 503): wait <see cref="FirstBackoff"/>, then twice as long each time up to <see cref="MaxBackoff"/>,
/// and retry only while the next wait would still end within the retry timeout, counted from construction.
/// Silos, the .NET client and the gateway all use it, so a call is equally patient whichever way it enters the cluster.
/// </summary>
/// <remarks>
/// <see cref="RunAsync{T}"/> is the whole loop for work that throws <see cref="GrainUnavailableException"/>; callers whose
/// failures are not exceptions drive <see cref="CanRetry"/> and <see cref="WaitAsync"/> themselves. Not thread-safe: one
/// instance per call.
/// </remarks>
public sealed class GrainUnavailableRetry
{
    /// <summary>The first wait.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(20);

    /// <summary>The longest wait, so that the end of a long failover is noticed within this long.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(500);

    private readonly TimeSpan _retryTimeout;
    private readonly TimeProvider _time;
    private readonly long _started;
    private TimeSpan _backoff = FirstBackoff;

    /// <summary>Starts the retry timeout now.</summary>
    /// <param name="retryTimeout"><see cref="CanRetry"/> is false once the next wait would end at or after this long since construction.</param>
    /// <param name="time">The clock of the timeout and of the waits.</param>
    public GrainUnavailableRetry(TimeSpan retryTimeout, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _retryTimeout = retryTimeout;
        _time = time;
        _started = time.GetTimestamp();
    }

    /// <summary>Whether the next wait would end before the retry timeout.</summary>
    public bool CanRetry => _time.GetElapsedTime(_started) + _backoff < _retryTimeout;

    /// <summary>The next wait: <see cref="FirstBackoff"/> at first, doubled by each <see cref="WaitAsync"/> up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan NextBackoff => _backoff;

    /// <summary>
    /// Runs <paramref name="attempt"/> until it returns, or throws anything but <see cref="GrainUnavailableException"/>,
    /// or throws <see cref="GrainUnavailableException"/> when <see cref="CanRetry"/> is false (that exception is rethrown).
    /// </summary>
    /// <param name="retryTimeout">See the constructor; the timeout starts with this call.</param>
    /// <param name="time">The clock of the timeout and of the waits.</param>
    /// <param name="attempt">One try; its argument is false on the first and true on every retry, so it can re-read stale routing.</param>
    /// <param name="beforeEachWait">Runs before each wait, for example to ask for a directory refresh; may be null.</param>
    /// <param name="cancellationToken">Cancels the waits only; <paramref name="attempt"/> observes its own token.</param>
    public static async Task<T> RunAsync<T>(
        TimeSpan retryTimeout, TimeProvider time, Func<bool, Task<T>> attempt, Action? beforeEachWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var retry = new GrainUnavailableRetry(retryTimeout, time);
        var retrying = false;
        while (true)
        {
            try
            {
                return await attempt(retrying).ConfigureAwait(false);
            }
            catch (GrainUnavailableException) when (retry.CanRetry)
            {
                beforeEachWait?.Invoke();
                await retry.WaitAsync(cancellationToken).ConfigureAwait(false);
                retrying = true;
            }
        }
    }

    /// <summary>Waits <see cref="NextBackoff"/>, then doubles it up to <see cref="MaxBackoff"/>. It does not check <see cref="CanRetry"/>.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_backoff, _time, cancellationToken).ConfigureAwait(false);
        _backoff = TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaxBackoff.Ticks));
    }
}
