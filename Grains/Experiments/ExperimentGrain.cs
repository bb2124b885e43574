using System.Text.Json;
using Experimentation.Bandits;
using Grains.Interfaces.Experiments;
using Runtime.Grains;

namespace Grains.Experiments;

/// <summary>
/// One experiment: its versioned definition and the arm statistics that credits from user grains
/// build. Every change publishes a snapshot (definition plus serving policy) to every silo.
/// </summary>
public sealed class ExperimentGrain(TimeProvider time)
    : Grain<ExperimentState>(GrainStateJsonContext.Default.ExperimentState, () => new ExperimentState()), IExperimentGrain, IMessageConsumer<ArmCredits>
{
    private ContextualArmTable? _table;

    public async Task<ExperimentDefinition> DefineAsync(ExperimentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var previous = State.Definition;
        var stored = definition with
        {
            Id = Key,
            Version = (previous?.Version ?? 0) + 1,
            UpdatedAt = time.GetUtcNow(),
        };

        // New arms (or another reward) make a new comparison: the old statistics would mean something else.
        if (previous is null || !SameArms(previous, stored))
        {
            ResetStatistics(stored.Variants.Count);
        }

        State.Definition = stored;
        _table = null;

        // A definition comes from a call: only a committed one may reach the silos.
        Publish(afterCommit: true);
        await WriteStateAsync().ConfigureAwait(false);
        return stored;
    }

    public async Task<ExperimentDefinition?> StopAsync()
    {
        if (State.Definition is not { } definition)
        {
            return null;
        }

        if (definition.Status == ExperimentStatuses.Stopped)
        {
            return definition;
        }

        return await DefineAsync(definition with { Status = ExperimentStatuses.Stopped }).ConfigureAwait(false);
    }

    public Task<ExperimentDefinition?> GetDefinitionAsync() => Task.FromResult(State.Definition);

    public Task<ExperimentResults?> GetResultsAsync() =>
        Task.FromResult(State.Definition is { } definition ? ExperimentResultsBuilder.Build(definition, State, time.GetUtcNow()) : null);

    public ValueTask OnMessageAsync(ArmCredits message, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (State.Definition is not { } definition)
        {
            // Credits for an experiment deleted or never defined here: nothing to learn.
            return ValueTask.CompletedTask;
        }

        var table = Table(definition);
        while (State.UserTotals.Count < definition.Variants.Count)
        {
            // State stored before user-level totals existed.
            State.UserTotals.Add(new VariantUserTotals());
        }

        foreach (var credit in message.Items)
        {
            var arm = definition.Variants.FindIndex(v => v.Name == credit.Variant);
            if (arm < 0)
            {
                continue;
            }

            State.Exposures[arm] += credit.Trials;
            State.Conversions[arm] += credit.Successes;
            State.ValueSums[arm] += credit.ValueSum;
            State.ValueSumsOfSquares[arm] += credit.ValueSumOfSquares;
            State.UserTotals[arm].Add(credit);
            if (credit.Trials == 0 && credit.Successes == 0)
            {
                // A user-level delta only: the bandit learns from decisions.
                continue;
            }

            var observation = new ArmStatistics(credit.Trials, credit.Successes, credit.ValueSum, credit.ValueSumOfSquares);
            table.Record(string.IsNullOrEmpty(credit.Segment) ? null : credit.Segment, arm, observation, credit.LastAt);
        }

        State.Updates++;
        MarkStateChanged();

        // Statistics come from durable credits, which a crash replays to the same totals: publish at once.
        Publish(afterCommit: false);
        return ValueTask.CompletedTask;
    }

    protected override void OnSaving()
    {
        if (_table is not null)
        {
            State.Arms = _table.ToData();
        }
    }

    private ContextualArmTable Table(ExperimentDefinition definition)
    {
        if (_table is null)
        {
            var settings = BanditSettingsMapping.From(definition);
            _table = State.Arms is { } data && data.ArmCount == definition.Variants.Count
                ? ContextualArmTable.FromData(data, settings)
                : new ContextualArmTable(definition.Variants.Count, settings);
        }

        return _table;
    }

    private void Publish(bool afterCommit)
    {
        var definition = State.Definition!;
        var snapshot = new ExperimentSnapshot { Definition = definition, Exposures = [.. State.Exposures], Conversions = [.. State.Conversions] };
        if (definition.Type == ExperimentTypes.Bandit)
        {
            var table = Table(definition);
            table.AdvanceTo(time.GetUtcNow());

            // Seeded by the grain and its update count: a replay after a crash publishes the same policy.
            var random = new Random(PolicySeed.Of(Key, definition.Version, State.Updates));
            var global = table.PolicyFor(null, random);
            snapshot.Policies.Add(new SegmentPolicy("", [.. global.Probabilities], global.Reason));
            foreach (var segment in SegmentsOf(table))
            {
                var policy = table.PolicyFor(segment, random);
                snapshot.Policies.Add(new SegmentPolicy(segment, [.. policy.Probabilities], policy.Reason));
            }
        }

        PublishSnapshot(JsonSerializer.SerializeToUtf8Bytes(snapshot, GrainStateJsonContext.Default.ExperimentSnapshot), afterCommit);
    }

    private static IEnumerable<string> SegmentsOf(ContextualArmTable table) =>
        table.ToData().Segments.Keys.Where(table.UsesSegment).Order(StringComparer.Ordinal);

    private void ResetStatistics(int arms)
    {
        State.Arms = null;
        State.Exposures = new long[arms];
        State.Conversions = new long[arms];
        State.ValueSums = new double[arms];
        State.ValueSumsOfSquares = new double[arms];
        State.UserTotals = [.. Enumerable.Range(0, arms).Select(_ => new VariantUserTotals())];
        _table = null;
    }

    private static bool SameArms(ExperimentDefinition left, ExperimentDefinition right) =>
        left.Type == right.Type
        && left.RewardKind == right.RewardKind
        && left.RewardEventType == right.RewardEventType
        && left.Variants.Select(v => v.Name).SequenceEqual(right.Variants.Select(v => v.Name), StringComparer.Ordinal);
}
