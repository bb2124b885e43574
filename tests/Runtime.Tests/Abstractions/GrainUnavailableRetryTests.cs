using Runtime.Abstractions;
using Runtime.Tests.Fakes;

namespace Runtime.Tests.Abstractions;

public sealed class GrainUnavailableRetryTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly AutoAdvancingTimeProvider _time = new(Start);

    [Fact]
    public async Task RunAsync_FirstAttemptSucceeds_ReturnsItsResultWithoutWaiting()
    {
        var flags = new List<bool>();

        var result = await GrainUnavailableRetry.RunAsync(
            TimeSpan.FromSeconds(1), _time, retrying => { flags.Add(retrying); return Task.FromResult(42); }, beforeEachWait: null, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal([false], flags);
        Assert.Empty(_time.Waits);
    }

    [Fact]
    public async Task RunAsync_UnavailableTwiceThenSucceeds_RetriesWithTheRetryingFlagAfterDoublingWaits()
    {
        var flags = new List<bool>();
        var refreshes = 0;

        var result = await GrainUnavailableRetry.RunAsync(
            TimeSpan.FromSeconds(1),
            _time,
            retrying =>
            {
                flags.Add(retrying);
                return flags.Count < 3 ? Task.FromException<string>(new GrainUnavailableException()) : Task.FromResult("answer");
            },
            () => refreshes++,
            CancellationToken.None);

        Assert.Equal("answer", result);
        Assert.Equal([false, true, true], flags);
        Assert.Equal([Ms(20), Ms(40)], _time.Waits);
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task RunAsync_AlwaysUnavailable_WaitsUpTo500MsAndRethrowsWhenTheNextWaitWouldPassTheTimeout()
    {
        var attempts = 0;
        var last = new GrainUnavailableException();

        var thrown = await Assert.ThrowsAsync<GrainUnavailableException>(() => GrainUnavailableRetry.RunAsync<int>(
            TimeSpan.FromSeconds(2), _time, _ => { attempts++; throw last; }, beforeEachWait: null, CancellationToken.None));

        // 20+40+80+160+320+500+500 = 1620 ms waited; one more 500 ms wait would end at 2120 ms.
        Assert.Same(last, thrown);
        Assert.Equal([Ms(20), Ms(40), Ms(80), Ms(160), Ms(320), Ms(500), Ms(500)], _time.Waits);
        Assert.Equal(8, attempts);
    }

    [Fact]
    public async Task RunAsync_NextWaitWouldEndExactlyAtTheTimeout_GivesUp()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<GrainUnavailableException>(() => GrainUnavailableRetry.RunAsync<int>(
            Ms(60), _time, _ => { attempts++; throw new GrainUnavailableException(); }, beforeEachWait: null, CancellationToken.None));

        // After the 20 ms wait, the 40 ms one would end at 60 ms: not before the timeout.
        Assert.Equal([Ms(20)], _time.Waits);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task RunAsync_SlowAttempts_CountTowardsTheTimeout()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<GrainUnavailableException>(() => GrainUnavailableRetry.RunAsync<int>(
            Ms(100),
            _time,
            _ =>
            {
                attempts++;
                _time.Advance(Ms(30));
                throw new GrainUnavailableException();
            },
            beforeEachWait: null,
            CancellationToken.None));

        // 30 ms attempt + 20 ms wait + 30 ms attempt = 80 ms; the next 40 ms wait would end at 120 ms.
        Assert.Equal([Ms(20)], _time.Waits);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task RunAsync_OtherException_PropagatesWithoutRetryOrRefresh()
    {
        var attempts = 0;
        var refreshes = 0;

        await Assert.ThrowsAsync<GrainCallException>(() => GrainUnavailableRetry.RunAsync<int>(
            TimeSpan.FromSeconds(1), _time, _ => { attempts++; throw new GrainCallException("boom"); }, () => refreshes++, CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Equal(0, refreshes);
        Assert.Empty(_time.Waits);
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeTheWait_ThrowsOperationCanceledWithoutAnotherAttempt()
    {
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GrainUnavailableRetry.RunAsync<int>(
            TimeSpan.FromSeconds(1),
            _time,
            _ =>
            {
                attempts++;
                cancellation.Cancel();
                throw new GrainUnavailableException();
            },
            beforeEachWait: null,
            cancellation.Token));

        Assert.Equal(1, attempts);
        Assert.Empty(_time.Waits);
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public void CanRetry_NewRetry_OnlyWhenTheFirstWaitEndsBeforeTheTimeout(int timeoutMs, bool expected)
    {
        var retry = new GrainUnavailableRetry(Ms(timeoutMs), _time);

        Assert.Equal(expected, retry.CanRetry);
    }

    [Fact]
    public void CanRetry_TimePassed_CountsFromConstruction()
    {
        var retry = new GrainUnavailableRetry(Ms(100), _time);

        _time.Advance(Ms(79));
        Assert.True(retry.CanRetry);
        _time.Advance(Ms(1));
        Assert.False(retry.CanRetry);
    }

    [Fact]
    public async Task WaitAsync_Repeatedly_DoublesFrom20MsUpTo500Ms()
    {
        var retry = new GrainUnavailableRetry(TimeSpan.FromMinutes(1), _time);

        for (var i = 0; i < 7; i++)
        {
            await retry.WaitAsync(CancellationToken.None);
        }

        Assert.Equal([Ms(20), Ms(40), Ms(80), Ms(160), Ms(320), Ms(500), Ms(500)], _time.Waits);
        Assert.Equal(Ms(500), retry.NextBackoff);
        Assert.Equal(Start + Ms(1620), _time.GetUtcNow());
    }

    private static TimeSpan Ms(int milliseconds) => TimeSpan.FromMilliseconds(milliseconds);
}
