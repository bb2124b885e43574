using System.Text.Json;
using Experimentation.Trending;
using Grains.Interfaces.Trending;
using Microsoft.Extensions.Options;
using Runtime.Grains;

namespace Grains.Trending;

/// <summary>
/// Aggregates click deltas from every partition into clicks per item over the last 10 minutes and
/// publishes the top items per category. It keeps no durable state: after a restart the window
/// refills within its own length, which is all it ever holds.
/// </summary>
public sealed class TrendingGrain(TimeProvider time, IOptions<TrendingOptions> options) : Grain, ITrendingGrain, IMessageConsumer<TrendingDeltas>
{
    private readonly TrendingAggregate _aggregate = new(options.Value);

    public Task<List<TrendingEntry>> TopAsync(string? category, int count) =>
        Task.FromResult(_aggregate.TopN(time.GetUtcNow(), count, category).Select(i => new TrendingEntry(i.ItemId, i.Count)).ToList());

    public ValueTask OnMessageAsync(TrendingDeltas message, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        _aggregate.Apply(message.Items, now);
        PublishSnapshot(JsonSerializer.SerializeToUtf8Bytes(_aggregate.Snapshot(now), GrainStateJsonContext.Default.TrendingSnapshot), afterCommit: false);
        return ValueTask.CompletedTask;
    }
}
