using Ingest.TestGrains;
using Ingest.Tests.Support;
using TestInfrastructure;

namespace Ingest.Tests.Crash;

/// <summary>What every counting grain and credit target of a crash test holds, read through the outside client.</summary>
public sealed record CrashTotals(IReadOnlyDictionary<string, Dictionary<string, int>> Counts, IReadOnlyDictionary<string, Dictionary<string, int>> Credits)
{
    private const int StablePolls = 5;

    /// <summary>
    /// Waits until every record is committed, every outbox row delivered, and the totals read the
    /// same across several polls; returns them.
    /// </summary>
    public static async Task<CrashTotals> WaitSettledAsync(CrashCluster cluster, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        string? previous = null;
        var stable = 0;
        CrashTotals? totals = null;
        await Eventually.TrueAsync(
            async () =>
            {
                if (await ClusterTables.CommittedRecordsAsync(cluster.Name, cluster.Topic) != cluster.Events.Events.Count
                    || await ClusterTables.UndeliveredAsync(cluster.Name, cluster.Topic) != 0)
                {
                    stable = 0;
                    return false;
                }

                totals = await ReadAsync(cluster);
                var fingerprint = totals.Fingerprint();
                stable = fingerprint == previous ? stable + 1 : 0;
                previous = fingerprint;
                return stable >= StablePolls;
            },
            timeout,
            "every record committed, every credit delivered and the totals stable");
        return totals!;
    }

    /// <summary>Every key counted exactly the events produced for it, each once; every target credited exactly its events, each once.</summary>
    public void AssertExact(TestEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var group in events.Events.GroupBy(e => e.Key))
        {
            var counts = Counts[group.Key];
            Assert.Equal(group.Count(), counts.Values.Sum());
            Assert.Equal(group.Select(e => e.Id).Order(StringComparer.Ordinal), counts.Keys.Order(StringComparer.Ordinal));
        }

        foreach (var group in events.Events.GroupBy(e => e.Target))
        {
            var credits = Credits[group.Key];
            Assert.Equal(group.Count(), credits.Values.Sum());
            Assert.Equal(group.Select(e => e.Id).Order(StringComparer.Ordinal), credits.Keys.Order(StringComparer.Ordinal));
        }
    }

    private static async Task<CrashTotals> ReadAsync(CrashCluster cluster)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var key in cluster.Events.Keys)
        {
            counts[key] = await cluster.Client.GetGrain<ICountingGrain>(key).GetCountsAsync();
        }

        var credits = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var target in cluster.Events.Targets)
        {
            credits[target] = (await cluster.Client.GetGrain<ICreditGrain>(target).GetStateAsync()).Applied;
        }

        return new CrashTotals(counts, credits);
    }

    private string Fingerprint() =>
        string.Join(',', Counts.Values.Select(c => c.Values.Sum())) + "|" + string.Join(',', Credits.Values.Select(c => c.Values.Sum()));
}
