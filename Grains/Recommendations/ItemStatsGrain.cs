using System.Text.Json;
using Grains.Interfaces.Recommendations;
using Runtime.Grains;

namespace Grains.Recommendations;

/// <summary>
/// Learns each item's click-through from impression and click credits, and publishes the records so
/// every silo ranks with them locally. Bounded: beyond <see cref="MaxItems"/> the least-shown items go.
/// </summary>
public sealed class ItemStatsGrain()
    : Grain<ItemStatsState>(GrainStateJsonContext.Default.ItemStatsState, () => new ItemStatsState()), IItemStatsGrain, IMessageConsumer<ItemCredits>
{
    public const int MaxItems = 5_000;
    private Dictionary<string, ItemRecord>? _index;

    private Dictionary<string, ItemRecord> Index => _index ??= State.Items.ToDictionary(i => i.ItemId, StringComparer.Ordinal);

    public Task<ItemStats> GetAsync(string itemId) =>
        Task.FromResult(Index.TryGetValue(itemId, out var item)
            ? new ItemStats(item.ItemId, item.Category, item.Impressions, item.Clicks)
            : new ItemStats(itemId, null, 0, 0));

    public ValueTask OnMessageAsync(ItemCredits message, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var credit in message.Items)
        {
            if (!Index.TryGetValue(credit.ItemId, out var item))
            {
                Index[credit.ItemId] = item = new ItemRecord { ItemId = credit.ItemId };
                State.Items.Add(item);
            }

            item.Category = credit.Category ?? item.Category;
            item.Impressions += credit.Impressions;
            item.Clicks += credit.Clicks;
            if (!string.IsNullOrEmpty(credit.Segment))
            {
                var counts = item.Segments.TryGetValue(credit.Segment, out var existing) ? existing : item.Segments[credit.Segment] = new long[2];
                counts[0] += credit.Impressions;
                counts[1] += credit.Clicks;
            }
        }

        if (State.Items.Count > MaxItems)
        {
            State.Items = [.. State.Items.OrderByDescending(i => i.Impressions).Take(MaxItems)];
            _index = null;
        }

        MarkStateChanged();
        PublishSnapshot(JsonSerializer.SerializeToUtf8Bytes(State, GrainStateJsonContext.Default.ItemStatsState), afterCommit: false);
        return ValueTask.CompletedTask;
    }
}
