using Experimentation.Features;
using Grains.Decisions;
using Grains.Experiments;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Grains.Interfaces.Recommendations;
using Grains.Interfaces.Trending;
using Grains.Interfaces.Users;
using Grains.Recommendations;
using Grains.Trending;
using Microsoft.Extensions.Options;
using Runtime.Grains;

namespace Grains.Users;

/// <summary>
/// One user's live state: rolling features, the latest exposures and impressions, and the credits
/// they earn. Exposures count as trials and rewards as successes of the experiment's arms
/// (<see cref="ExperimentAttribution"/>); both leave as durable messages, combined per partition, so
/// each decision counts exactly once.
/// </summary>
public sealed class UserGrain(TimeProvider time, IOptions<UserFeatureOptions> options, IOptions<DecisionOptions> decisions, ExperimentCatalog catalog)
    : Grain<UserState>(GrainStateJsonContext.Default.UserState, GrainStateWriteJsonContext.Default.UserState, () => new UserState()), IUserGrain, IEventConsumer<InteractionEvent>
{
    /// <summary>The single item-statistics and trending grains every user reports to.</summary>
    public const string GlobalKey = "global";

    private readonly ExperimentAttribution _attribution = new(decisions.Value.ClockSkewTolerance, catalog.IsOutcomeType);
    private UserFeatureModel? _model;

    private UserFeatureModel Model => _model ??= State.Features is { } data
        ? UserFeatureModel.FromData(data, options.Value)
        : new UserFeatureModel(options.Value);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (StateWasStored && Model.IsExpired(time.GetUtcNow()))
        {
            Reset();
            ClearState();
        }

        return Task.CompletedTask;
    }

    public ValueTask OnEventAsync(InteractionEvent payload, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);

        // Parse before mutating: a malformed exposure is dead-lettered without a trace in the state.
        var exposure = payload.Type == ExposureProperties.ExposureType ? Exposure.From(payload) : null;
        var impression = payload.Type == ExposureProperties.ImpressionType ? ImpressionEvents.From(payload) : null;
        var state = State;
        var ring = state.RecentIds;
        var next = state.NextId;
        if (!RecentEventIds.TryAdd(ref ring, ref next, payload.EventId))
        {
            return ValueTask.CompletedTask;
        }

        state.RecentIds = ring;
        state.NextId = next;
        MarkStateChanged();
        var applied = Model.Apply(
            new FeatureEvent(payload.Type, payload.Timestamp, payload.SessionId, payload.ItemId, payload.Category, payload.Value),
            time.GetUtcNow());
        if (applied == FeatureApplyResult.IgnoredTooOld)
        {
            return ValueTask.CompletedTask;
        }

        if (exposure is not null)
        {
            OnExposure(exposure);
        }
        else if (impression is not null)
        {
            OnImpression(impression);
        }
        else
        {
            OnOutcome(payload);
        }

        return ValueTask.CompletedTask;
    }

    public Task<UserFeatures> GetFeaturesAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult(StateWasStored || State.Features is not null || _model is not null
            ? UserFeatureMapping.ToContract(Key, Model.View(now))
            : new UserFeatures { UserId = Key, AsOf = now });
    }

    public Task EraseAsync()
    {
        Reset();
        ClearState();
        return WriteStateAsync();
    }

    protected override void OnSaving() => State.Features = _model?.ToData() ?? State.Features;

    // The live model is the truth once built; its persisted form is only needed while serializing.
    protected override void OnSaved()
    {
        if (_model is not null)
        {
            State.Features = null;
        }
    }

    private void Reset() => _model = new UserFeatureModel(options.Value);

    private void OnExposure(Exposure exposure)
    {
        // CUPED's covariate: how often the user did the rewarded thing in the 24 h before entering.
        // The feature view is built only when asked, at the user's first exposure to the experiment.
        var credits = _attribution.OnExposure(
            State,
            exposure,
            rewardType => Model.View(time.GetUtcNow()).Counts.TryGetValue(rewardType, out var counts) ? counts.Last24Hours : 0);
        SendCredits(credits);
    }

    private void SendCredits(IReadOnlyList<(string ExperimentId, ArmCredit Credit)> credits)
    {
        foreach (var (experimentId, credit) in credits)
        {
            Send<IExperimentGrain, ArmCredits>(experimentId, ArmCredits.Of(credit));
        }
    }

    private void OnImpression(Impression impression)
    {
        ImpressionBook.Record(State.Impressions, impression);
        Send<IItemStatsGrain, ItemCredits>(GlobalKey, ItemCredits.Of(new ItemCredit
        {
            ItemId = impression.ItemId,
            Category = impression.Category,
            Segment = impression.Segment,
            Impressions = 1,
        }));
    }

    private void OnOutcome(InteractionEvent payload)
    {
        SendCredits(_attribution.OnOutcome(State, payload.Type, payload.Value, payload.Timestamp));

        if (payload.Type != ImpressionEvents.ClickType || string.IsNullOrEmpty(payload.ItemId))
        {
            return;
        }

        Send<ITrendingGrain, TrendingDeltas>(GlobalKey, new TrendingDeltas
        {
            Items = [new Experimentation.Trending.TrendingDelta(Experimentation.Trending.TrendingDelta.MinuteOf(payload.Timestamp), payload.ItemId, payload.Category, 1)],
        });
        if (ImpressionBook.Click(State.Impressions, payload.ItemId, payload.Timestamp) is { } clicked)
        {
            Send<IItemStatsGrain, ItemCredits>(GlobalKey, ItemCredits.Of(new ItemCredit
            {
                ItemId = clicked.ItemId,
                Category = clicked.Category ?? payload.Category,
                Segment = clicked.Segment,
                Clicks = 1,
            }));
        }
    }
}
