using System.Text.Json;
using Runtime.Grains;

namespace Runtime.Tests.TestGrains;

public sealed class TotalGrain() : Grain<TotalState>(TestGrainsJsonContext.Default.TotalState, () => new TotalState()),
    ITotalGrain, IMessageConsumer<CounterDelta>
{
    /// <summary>The key of the one total grain that every counter grain reports to.</summary>
    public const string TheKey = "all";

    public ValueTask OnMessageAsync(CounterDelta message, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        State.Events += message.Events;
        State.Sum += message.Sum;
        State.Messages++;
        MarkStateChanged();
        PublishSnapshot(JsonSerializer.SerializeToUtf8Bytes(Snapshot(), TestGrainsJsonContext.Default.TotalSnapshot));
        return ValueTask.CompletedTask;
    }

    public Task<TotalSnapshot> GetAsync() => Task.FromResult(Snapshot());

    private TotalSnapshot Snapshot() => new(State.Events, State.Sum, State.Messages);
}
