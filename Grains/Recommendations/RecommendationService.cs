using Grains.Decisions;
using Grains.Interfaces.Recommendations;
using Grains.Interfaces.Users;
using Grains.Users;
using MathNet.Numerics.Distributions;
using Runtime.Abstractions;
using Runtime.Snapshots;

namespace Grains.Recommendations;

/// <summary>
/// Ranks items for a user by Thompson sampling over per-item click-through posteriors (per context
/// segment once it has data), blended with the user's category affinity, skipping items already
/// seen in the session. Each returned item's propensity is its estimated probability of making the
/// top k under this policy; the impressions are logged with it so clicks can be attributed.
/// </summary>
public sealed class RecommendationService(SnapshotCache cache, IGrainFactory grains, ExposureLog log, IRandomSource random, TimeProvider time)
{
    /// <summary>Rankings drawn to estimate each item's probability of being shown.</summary>
    public const int PropensityRounds = 200;

    /// <summary>A segment's own counts are used once it has this many impressions of the item.</summary>
    public const int MinSegmentImpressions = 20;

    /// <summary>How much a full affinity (the user's top category) lifts an item's sampled click-through.</summary>
    public const double AffinityWeight = 1.0;

    public async Task<RecommendResponse> RecommendAsync(RecommendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var features = await grains.GetGrain<IUserGrain>(request.UserId).GetFeaturesAsync().ConfigureAwait(false);
        var items = cache.TryGet<ItemStatsState>(new GrainId("items", UserGrain.GlobalKey), out var stats)
            ? stats.Items.ToDictionary(i => i.ItemId, StringComparer.Ordinal)
            : [];
        var candidates = (request.Candidates ?? TrendingCandidates()).Distinct(StringComparer.Ordinal).ToList();
        candidates.RemoveAll(SeenInSession(features).Contains);
        var segment = request.Context?.TryGetValue("device", out var device) == true ? "device=" + device : "";
        var ranked = Rank(candidates, items, features, segment, Math.Clamp(request.K, 1, 100), new Random((int)(random.NextDouble() * int.MaxValue)));
        var decisionId = Guid.CreateVersion7().ToString("N");
        var now = time.GetUtcNow();
        foreach (var item in ranked)
        {
            log.Append(ImpressionEvents.ToEvent(
                new Impression { ItemId = item.ItemId, Category = items.GetValueOrDefault(item.ItemId)?.Category, DecisionId = decisionId, Propensity = item.Propensity, Segment = segment, At = now },
                request.UserId));
        }

        return new RecommendResponse { DecisionId = decisionId, Items = ranked };
    }

    /// <summary>Ranks by one Thompson draw and estimates every returned item's inclusion probability from further draws.</summary>
    public static List<RecommendedItem> Rank(
        IReadOnlyList<string> candidates, IReadOnlyDictionary<string, ItemRecord> items, UserFeatures features, string segment, int k, Random random)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(random);
        var top = features.TopCategories.Count > 0 ? features.TopCategories.Max(c => c.Score) : 0;
        var affinity = features.TopCategories.ToDictionary(c => c.Category, c => top > 0 ? c.Score / top : 0, StringComparer.Ordinal);
        var posteriors = candidates.Select(id => Posterior(items.GetValueOrDefault(id), segment, affinity)).ToArray();
        var scores = new double[candidates.Count];
        var order = new int[candidates.Count];
        var included = new int[candidates.Count];
        var take = Math.Min(k, candidates.Count);
        int[] shown = [];
        double[] shownScores = [];
        for (var round = 0; round < PropensityRounds; round++)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = -Beta.Sample(random, posteriors[i].Alpha, posteriors[i].Beta) * (1 + (AffinityWeight * posteriors[i].Affinity));
                order[i] = i;
            }

            // Negated scores sort descending; the first round is the ranking served, the others estimate propensities.
            Array.Sort(scores, order);
            for (var i = 0; i < take; i++)
            {
                included[order[i]]++;
            }

            if (round == 0)
            {
                shown = order[..take];
                shownScores = scores[..take];
            }
        }

        return shown.Select((index, rank) => new RecommendedItem(candidates[index], -shownScores[rank], (double)included[index] / PropensityRounds)).ToList();
    }

    /// <summary>Items the user interacted with in the current, still active session: not recommended again.</summary>
    public static HashSet<string> SeenInSession(UserFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return features.Session is { IsActive: true } session
            ? features.RecentItems.Where(i => i.SessionId == session.Id).Select(i => i.ItemId).ToHashSet(StringComparer.Ordinal)
            : [];
    }

    private List<string> TrendingCandidates() =>
        cache.TryGet<Experimentation.Trending.TrendingSnapshot>(new GrainId("trending", UserGrain.GlobalKey), out var trending)
            ? trending.Overall.Select(i => i.ItemId).ToList()
            : [];

    private static (double Alpha, double Beta, double Mean, double Affinity) Posterior(ItemRecord? item, string segment, Dictionary<string, double> affinity)
    {
        var (impressions, clicks) = (item?.Impressions ?? 0, item?.Clicks ?? 0);
        if (item is not null && segment.Length > 0 && item.Segments.TryGetValue(segment, out var counts) && counts[0] >= MinSegmentImpressions)
        {
            (impressions, clicks) = (counts[0], counts[1]);
        }

        var alpha = 1.0 + clicks;
        var beta = 1.0 + Math.Max(0, impressions - clicks);
        return (alpha, beta, alpha / (alpha + beta), item?.Category is { } category ? affinity.GetValueOrDefault(category) : 0);
    }
}
