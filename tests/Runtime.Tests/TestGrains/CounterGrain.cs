using Runtime.Grains;

namespace Runtime.Tests.TestGrains;

public sealed class CounterGrain() : Grain<CounterState>(TestGrainsJsonContext.Default.CounterState, () => new CounterState()),
    ICounterGrain, IEventConsumer<CounterEvent>
{
    private readonly string _activationId = Guid.NewGuid().ToString("N");
    private int _inTurn;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        State.Activations++;
        MarkStateChanged();
        return Task.CompletedTask;
    }

    public ValueTask OnEventAsync(CounterEvent payload, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Amount < 0)
        {
            throw new InvalidOperationException("negative amounts are rejected");
        }

        State.Events++;
        State.Sum += payload.Amount;
        Send<ITotalGrain, CounterDelta>(TotalGrain.TheKey, new CounterDelta(1, payload.Amount));
        return ValueTask.CompletedTask;
    }

    public Task<CounterSnapshot> GetAsync() => Task.FromResult(new CounterSnapshot(State.Events, State.Sum, State.Activations, _activationId));

    public Task AddDurablyAsync(long amount)
    {
        State.Sum += amount;
        return WriteStateAsync();
    }

    public async Task<ProbeResult> ProbeAsync(int holdMilliseconds)
    {
        var concurrent = Interlocked.Increment(ref _inTurn);
        try
        {
            await Task.Delay(holdMilliseconds).ConfigureAwait(false);
            return new ProbeResult(_activationId, Math.Max(concurrent, Volatile.Read(ref _inTurn)));
        }
        finally
        {
            Interlocked.Decrement(ref _inTurn);
        }
    }

    public Task FailAsync(string message) => throw new InvalidOperationException(message);
}
