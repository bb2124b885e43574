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
        stored.Iteration = ExperimentIterations.Of(previous, stored);

        // A new iteration is a new comparison: the old statistics would mean something else.
        if (previous is null || stored.Iteration != previous.Iteration)
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

        CreditLedger.Apply(State, definition, Table(definition), message.Items);

        // Counted even when every credit was of an earlier iteration: the count only seeds the policy.
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
}
