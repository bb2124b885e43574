namespace TestInfrastructure;

/// <summary>Waits on a condition with a deadline instead of sleeping for a fixed time.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> at the deadline.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            if (await condition().ConfigureAwait(false))
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for: {what}");
            }

            await Task.Delay(delay).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }

    /// <summary>Synchronous-condition overload.</summary>
    public static Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>
    /// Polls <paramref name="read"/> until its value satisfies <paramref name="ready"/> and then stays
    /// equal over <paramref name="polls"/> further reads, and returns it. Waiting for "at least n" and
    /// then asserting "exactly n" races with late duplicates; asserting on a settled value does not.
    /// </summary>
    public static async Task<T> StableAsync<T>(Func<Task<T>> read, Func<T, bool> ready, TimeSpan timeout, string what, int polls = 3)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(ready);
        var deadline = DateTime.UtcNow + timeout;
        var interval = TimeSpan.FromMilliseconds(100);
        var last = await read().ConfigureAwait(false);
        var unchanged = 0;
        while (true)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for a stable value: {what} (last read: {last})");
            }

            // A fixed interval, not a growing one: a value is only stable if it held for a while.
            await Task.Delay(interval).ConfigureAwait(false);
            var current = await read().ConfigureAwait(false);
            unchanged = ready(current) && EqualityComparer<T>.Default.Equals(current, last) ? unchanged + 1 : 0;
            last = current;
            if (unchanged >= polls)
            {
                return current;
            }
        }
    }
}
