using System.Diagnostics;
using Bandit.Bench;
using Grains.Decisions;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Experiment.Bench;

/// <summary>
/// The full pipeline as a bandit under test: each decision is a real DecisionService call on a silo
/// (policy from the cached snapshot, exposure appended to Kafka), and each reward is a real
/// conversion event in the user's stream, credited by the user grain and aggregated into the
/// experiment grain. Decisions are paced in real time, so feedback arrives with the pipeline's delay.
/// </summary>
internal sealed class PipelineBandit(BenchCluster cluster, string experimentId, IReadOnlyList<string> variants, int seed) : IBanditUnderTest
{
    private readonly DecisionService _decisions = cluster.First.GetRequiredService<DecisionService>();
    private readonly ExposureLog _log = cluster.First.GetRequiredService<ExposureLog>();
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _user = "";
    private int _count;

    public string Name => "(p) full pipeline: Kafka, user grains, credits, snapshots";

    public int Choose(DateTimeOffset now)
    {
        // Real time: the simulated clock's offset from the scenario start, on the wall clock.
        var due = now - SimulationScenario.Start;
        var wait = due - Stopwatch.GetElapsedTime(_started);
        if (wait > TimeSpan.Zero)
        {
            Thread.Sleep(wait);
        }

        _user = $"sim-{experimentId}-{seed}-{_count++}";
        var (response, _) = _decisions.DecideAsync(new DecisionRequest { UserId = _user, Experiments = [experimentId] }).GetAwaiter().GetResult();
        return variants.ToList().IndexOf(response!.Decisions[0].Variant);
    }

    public void Observe(DateTimeOffset decidedAt, int arm, bool reward)
    {
        if (reward)
        {
            _log.Append(new InteractionEvent { EventId = _user + ":reward", UserId = _user, Type = "conversion", Timestamp = DateTimeOffset.UtcNow });
        }
    }
}
