using Ingest.TestGrains;

namespace Ingest.Tests.Support;

/// <summary>Reads the counting and credit grains and compares them with the events.</summary>
public static class ExactlyOnce
{
    /// <summary>Every event counted once by its key's grain, and credited once at its target.</summary>
    public static async Task AssertAsync(IGrainFactory grains, TestEvents events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(events);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in events.Keys)
        {
            foreach (var (id, count) in await grains.GetGrain<ICountingGrain>(key).GetCountsAsync())
            {
                counts[id] = counts.GetValueOrDefault(id) + count;
            }
        }

        var credits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var target in events.Targets)
        {
            foreach (var (id, count) in (await grains.GetGrain<ICreditGrain>(target).GetStateAsync()).Applied)
            {
                credits[id] = credits.GetValueOrDefault(id) + count;
            }
        }

        var expected = events.Events.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts, pair => Assert.Equal(1, pair.Value));
        Assert.Equal(expected, credits.Keys.Order(StringComparer.Ordinal));
        Assert.All(credits, pair => Assert.Equal(1, pair.Value));
    }

    /// <summary>How many credits the targets have applied in all.</summary>
    public static async Task<int> CreditsAppliedAsync(IGrainFactory grains, TestEvents events)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(events);
        var total = 0;
        foreach (var target in events.Targets)
        {
            total += (await grains.GetGrain<ICreditGrain>(target).GetStateAsync()).Applied.Values.Sum();
        }

        return total;
    }
}
