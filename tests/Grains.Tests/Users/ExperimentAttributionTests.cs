using System.Text.Json;
using Grains.Experiments;
using Grains.Tests.Fakes;
using Grains.Users;

namespace Grains.Tests.Users;

/// <summary>
/// Rewards stamped by a client clock against exposures stamped by the server's (a fake clock here). The
/// server's time has sub-millisecond ticks; the client sends its time with millisecond precision.
/// </summary>
public sealed class ExperimentAttributionTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _server = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(7_531));
    private readonly ExperimentAttribution _attribution = new(Tolerance, type => type == "conversion");
    private readonly UserState _state = new();

    [Fact]
    public void OnOutcome_SameMillisecondAsTheExposure_Credited()
    {
        Expose("d1");

        var credits = Reward(ClientTime(TimeSpan.Zero));

        Assert.Equal(1, Successes(credits));
        Assert.Equal(1, ConvertedUsers(credits));
    }

    [Fact]
    public void OnOutcome_SameMillisecondWithoutTolerance_NotCredited()
    {
        var strict = new ExperimentAttribution(TimeSpan.Zero, _ => true);
        strict.OnExposure(_state, Exposure("d1"), _ => 0);

        var credits = strict.OnOutcome(_state, "conversion", null, ClientTime(TimeSpan.Zero));

        Assert.Equal(0, Successes(credits));
        Assert.Null(_state.HeldRewards);
    }

    [Fact]
    public void OnOutcome_ClientTwoSecondsBehind_Credited()
    {
        Expose("d1");
        _server.Advance(TimeSpan.FromSeconds(1));

        var credits = Reward(ClientTime(TimeSpan.FromSeconds(-2)));

        Assert.Equal(1, Successes(credits));
    }

    [Fact]
    public void OnExposure_RewardAppliedBeforeItsExposure_HeldThenCreditedOnce()
    {
        var early = Reward(ClientTime(TimeSpan.FromSeconds(-2)));

        var exposed = Expose("d1");
        var again = Reward(ClientTime(TimeSpan.FromSeconds(1)));

        Assert.Equal(0, Successes(early));
        Assert.Equal(1, Successes(exposed));
        Assert.Equal(1, exposed.Sum(c => c.Credit.Trials));
        Assert.Equal(1, ConvertedUsers(exposed));
        Assert.Equal(0, Successes(again));
    }

    [Fact]
    public void OnExposure_RewardHeldAcrossACheckpoint_CreditedAfterReload()
    {
        Reward(ClientTime(TimeSpan.Zero));
        var reloaded = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(_state, GrainStateWriteJsonContext.Default.UserState), GrainStateJsonContext.Default.UserState)!;

        var credits = _attribution.OnExposure(reloaded, Exposure("d1"), _ => 0);

        Assert.Equal(1, Successes(credits));
    }

    [Fact]
    public void OnOutcome_RewardOlderThanTheTolerance_NotCredited()
    {
        Expose("d1");

        var credits = Reward(ClientTime(TimeSpan.FromSeconds(-6)));

        Assert.Equal(0, Successes(credits));
        Assert.Equal(0, ConvertedUsers(credits));
    }

    [Fact]
    public void OnExposure_HeldRewardOlderThanTheTolerance_NotCreditedAndDropped()
    {
        Reward(ClientTime(TimeSpan.FromSeconds(-6)));

        var credits = Expose("d1");

        Assert.Equal(0, Successes(credits));
        Assert.Null(_state.HeldRewards);
    }

    [Fact]
    public void OnExposure_TwoHeldRewards_TheDecisionIsCreditedOnce()
    {
        Reward(ClientTime(TimeSpan.FromSeconds(-1)));
        Reward(ClientTime(TimeSpan.Zero));

        var credits = Expose("d1");

        Assert.Equal(1, Successes(credits));
    }

    [Fact]
    public void OnExposure_HeldRewardAndTwoDecisions_TheRewardCreditsOnlyOneOfThem()
    {
        Reward(ClientTime(TimeSpan.Zero));

        var first = Expose("d1");
        _server.Advance(TimeSpan.FromSeconds(1));
        var second = Expose("d2");

        Assert.Equal(1, Successes(first));
        Assert.Equal(0, Successes(second));
    }

    [Fact]
    public void OnOutcome_OutsideTheAttributionWindow_NotCredited()
    {
        Expose("d1");
        _server.Advance(TimeSpan.FromSeconds(3601));

        var credits = Reward(ClientTime(TimeSpan.Zero));

        Assert.Equal(0, Successes(credits));
    }

    [Fact]
    public void OnOutcome_TypeNoExperimentRewards_NotHeld()
    {
        _attribution.OnOutcome(_state, "view", null, ClientTime(TimeSpan.Zero));

        Assert.Null(_state.HeldRewards);
    }

    private DateTimeOffset ClientTime(TimeSpan skew)
    {
        var client = _server.GetUtcNow() + skew;
        return client.AddTicks(-(client.UtcTicks % TimeSpan.TicksPerMillisecond));
    }

    private IReadOnlyList<(string ExperimentId, ArmCredit Credit)> Expose(string decision) => _attribution.OnExposure(_state, Exposure(decision), _ => 0);

    private IReadOnlyList<(string ExperimentId, ArmCredit Credit)> Reward(DateTimeOffset at) => _attribution.OnOutcome(_state, "conversion", null, at);

    private Exposure Exposure(string decision) => new()
    {
        ExperimentId = "checkout",
        Variant = "green",
        DecisionId = decision,
        Propensity = 0.5,
        RewardEventType = "conversion",
        WindowSeconds = 3600,
        At = _server.GetUtcNow(),
    };

    private static long Successes(IEnumerable<(string ExperimentId, ArmCredit Credit)> credits) => credits.Sum(c => c.Credit.Successes);

    private static long ConvertedUsers(IEnumerable<(string ExperimentId, ArmCredit Credit)> credits) => credits.Sum(c => c.Credit.ConvertedUsers);
}
