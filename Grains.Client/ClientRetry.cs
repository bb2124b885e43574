using Runtime.Abstractions;

namespace Grains.Client;

/// <summary>Retries an attempt that failed with <see cref="GrainUnavailableException"/>, with backoff, until the retry timeout.</summary>
internal sealed class ClientRetry(TimeSpan retryTimeout, TimeProvider time)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(500);

    public async Task<T> RunAsync<T>(Func<bool, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var backoff = FirstBackoff;
        var retrying = false;
        while (true)
        {
            try
            {
                return await attempt(retrying).ConfigureAwait(false);
            }
            catch (GrainUnavailableException) when (time.GetElapsedTime(started) + backoff < retryTimeout)
            {
                await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                retrying = true;
            }
        }
    }
}
