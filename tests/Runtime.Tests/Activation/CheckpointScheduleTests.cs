using Runtime.Activation;
using Runtime.Hosting;
using Runtime.Tests.Fakes;
using Xunit;

namespace Runtime.Tests.Activation;

public sealed class CheckpointScheduleTests
{
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly RuntimeOptions _options;
    private readonly ConsumerBacklog _backlog;
    private readonly CheckpointSchedule _schedule;

    public CheckpointScheduleTests()
    {
        _options = new RuntimeOptions
        {
            CheckpointInterval = TimeSpan.FromSeconds(1),
            MessageFlushInterval = TimeSpan.FromMilliseconds(200),
            QuietCheckpointDelay = TimeSpan.FromMilliseconds(100),
        };
        _backlog = new ConsumerBacklog(_time);
        _schedule = new CheckpointSchedule(_options, _time, _backlog);
    }

    [Fact]
    public void Delay_BusyWithoutMessages_RegularInterval()
    {
        _schedule.Busy();
        _time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(700), _schedule.Delay(uncommitted: true));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 875)]
    [InlineData(7, 125)]
    public void Delay_StaggeredPartition_FirstCheckpointEarlyThenFullInterval(int partition, int firstMs)
    {
        var schedule = new CheckpointSchedule(_options, _time, _backlog, CheckpointSchedule.StaggerOf(partition, 8));
        schedule.Busy();

        var first = schedule.Delay(uncommitted: true);
        _time.Advance(first);
        schedule.Taken();

        Assert.Equal(TimeSpan.FromMilliseconds(firstMs), first);
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.Delay(uncommitted: true));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void Constructor_StaggerOutsideTheInterval_Throws(double stagger)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CheckpointSchedule(_options, _time, _backlog, stagger));
    }

    [Fact]
    public void Delay_MessageSentWhileConsumerKeepsUp_MessageFlushInterval()
    {
        _backlog.Polled(found: true);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        _schedule.MessagePending();
        _time.Advance(TimeSpan.FromMilliseconds(10));

        // The consumer runs dry after the message: the silo keeps up, so the message leaves early.
        _backlog.Polled(found: false);
        _backlog.Polled(found: true);

        Assert.Equal(TimeSpan.FromMilliseconds(190), _schedule.Delay(uncommitted: true));
    }

    [Fact]
    public void Delay_MessageSentWhileConsumerBehind_RegularInterval()
    {
        _backlog.Polled(found: true);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        _schedule.MessagePending();
        _time.Advance(TimeSpan.FromMilliseconds(300));
        _backlog.Polled(found: true);

        Assert.Equal(TimeSpan.FromMilliseconds(600), _schedule.Delay(uncommitted: true));
    }

    [Fact]
    public void Delay_MessageAfterSlowCommit_WaitsFourTimesTheCommit()
    {
        _schedule.CommitEnded(TimeSpan.FromMilliseconds(150));
        _schedule.Drained();
        _schedule.MessagePending();

        Assert.Equal(TimeSpan.FromMilliseconds(600), _schedule.Delay(uncommitted: false));
    }

    [Fact]
    public void Delay_QuietWithAppliedRecords_QuietDelayAfterDraining()
    {
        _time.Advance(TimeSpan.FromMilliseconds(400));
        _schedule.Busy();
        _time.Advance(TimeSpan.FromMilliseconds(30));
        _schedule.Drained();
        _time.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(TimeSpan.FromMilliseconds(60), _schedule.Delay(uncommitted: true));
    }

    [Fact]
    public void Delay_QuietSoonAfterCheckpoint_WaitsMessageFlushIntervalSinceIt()
    {
        _schedule.CommitEnded(TimeSpan.FromMilliseconds(150));
        _schedule.Taken();
        _schedule.Busy();
        _time.Advance(TimeSpan.FromMilliseconds(10));
        _schedule.Drained();

        Assert.Equal(TimeSpan.FromMilliseconds(190), _schedule.Delay(uncommitted: true));
    }

    [Fact]
    public void Delay_QuietWhileConsumerBehind_RegularInterval()
    {
        _backlog.Polled(found: true);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        _schedule.Drained();
        _time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(TimeSpan.FromMilliseconds(300), _schedule.Delay(uncommitted: true));
        Assert.Equal(TimeSpan.FromMilliseconds(100), _schedule.Recheck(TimeSpan.FromMilliseconds(300), uncommitted: true));
    }

    [Fact]
    public void Delay_QuietWithNothingUncommitted_RegularInterval()
    {
        _schedule.Drained();
        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(TimeSpan.FromMilliseconds(500), _schedule.Delay(uncommitted: false));
    }

    [Fact]
    public void Delay_MessagesTaken_BackToRegularInterval()
    {
        _schedule.Drained();
        _schedule.MessagePending();
        _time.Advance(TimeSpan.FromMilliseconds(250));
        _schedule.Taken();
        _schedule.MessagesTaken();
        _schedule.Busy();

        Assert.Equal(TimeSpan.FromSeconds(1), _schedule.Delay(uncommitted: true));
    }
}
