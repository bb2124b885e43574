using Grains.Experiments;
using Grains.Tests.Fakes;
using Grains.Users;

namespace Grains.Tests.Users;

/// <summary>A user across a redefinition that starts a new iteration of the experiment.</summary>
public sealed class ExperimentAttributionIterationTests
{
    private readonly ManualTimeProvider _server = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ExperimentAttribution _attribution = new(TimeSpan.FromSeconds(5), type => type == "conversion");
    private readonly UserState _state = new();

    [Fact]
    public void OnExposure_NewIteration_EnrolsTheUserAfreshAndCarriesTheIteration()
    {
        Expose("d1", version: 1, iteration: 1);
        Reward();
        _server.Advance(TimeSpan.FromMinutes(10));

        var credits = Expose("d2", version: 3, iteration: 2);

        Assert.All(credits, c => Assert.Equal(2, c.Credit.Iteration));
        Assert.Equal(1, credits.Sum(c => c.Credit.Trials));
        Assert.Equal(1, credits.Sum(c => c.Credit.Users));
        var participation = Assert.Single(_state.Participations);
        Assert.Equal((2L, 0.0), (participation.Iteration, participation.Value));
        Assert.Equal(3, Assert.Single(_state.Exposures).DefinitionVersion);
    }

    [Fact]
    public void OnOutcome_AfterANewIteration_CreditsOnlyTheNewIteration()
    {
        Expose("d1", version: 1, iteration: 1);
        _server.Advance(TimeSpan.FromMinutes(10));
        Expose("d2", version: 2, iteration: 2);
        _server.Advance(TimeSpan.FromSeconds(30));

        var credits = Reward();

        Assert.Equal(1, credits.Sum(c => c.Credit.Successes));
        Assert.Equal(1, credits.Sum(c => c.Credit.ConvertedUsers));
        Assert.All(credits, c => Assert.Equal(2, c.Credit.Iteration));
    }

    [Fact]
    public void OnExposure_NewIterationJustAfterAnEarlierIterationsReward_TheRewardStaysInTheEarlierIteration()
    {
        Expose("d1", version: 1, iteration: 1);
        Reward();
        _server.Advance(TimeSpan.FromSeconds(1));

        var credits = Expose("d2", version: 2, iteration: 2);

        Assert.Equal(0, credits.Sum(c => c.Credit.Successes));
        Assert.Equal(0, credits.Sum(c => c.Credit.ConvertedUsers));
        Assert.Equal(0, Assert.Single(_state.Participations).Value);
    }

    [Fact]
    public void OnExposure_EarlierIterationDecidedLater_IsIgnored()
    {
        // A silo whose cache still held the old definition decides after the new iteration began.
        Expose("d2", version: 2, iteration: 2);
        _server.Advance(TimeSpan.FromSeconds(1));

        var credits = Expose("d1", version: 1, iteration: 1);

        Assert.Empty(credits);
        Assert.Equal("d2", Assert.Single(_state.Exposures).DecisionId);
        Assert.Equal(2, Assert.Single(_state.Participations).Iteration);
    }

    [Fact]
    public void ExposureEvent_RoundTrip_KeepsVersionAndIteration()
    {
        var exposure = Exposure("d1", version: 7, iteration: 3);

        var read = Grains.Experiments.Exposure.From(exposure.ToEvent("user-1"));

        Assert.Equal((7L, 3L), (read.DefinitionVersion, read.Iteration));
    }

    [Fact]
    public void ExposureEvent_LoggedBeforeIterations_ReadsAsIterationZero()
    {
        var logged = Exposure("d1", version: 7, iteration: 3).ToEvent("user-1");
        logged.Properties!.Remove(ExposureProperties.DefinitionVersion);
        logged.Properties.Remove(ExposureProperties.Iteration);

        var read = Grains.Experiments.Exposure.From(logged);

        Assert.Equal((0L, 0L), (read.DefinitionVersion, read.Iteration));
    }

    private IReadOnlyList<(string ExperimentId, ArmCredit Credit)> Expose(string decision, long version, long iteration) =>
        _attribution.OnExposure(_state, Exposure(decision, version, iteration), _ => 0);

    private IReadOnlyList<(string ExperimentId, ArmCredit Credit)> Reward() => _attribution.OnOutcome(_state, "conversion", null, _server.GetUtcNow());

    private Exposure Exposure(string decision, long version, long iteration) => new()
    {
        ExperimentId = "checkout",
        Variant = "green",
        DecisionId = decision,
        Propensity = 0.5,
        RewardEventType = "conversion",
        WindowSeconds = 86_400,
        At = _server.GetUtcNow(),
        DefinitionVersion = version,
        Iteration = iteration,
    };
}
