using Runtime.Abstractions;
using Runtime.Activation;
using Runtime.Snapshots;

namespace Runtime.Grains;

/// <summary>
/// Base class of every grain. The runtime creates the instance (with constructor injection), sets
/// its identity, loads its state and then runs one turn at a time on it: no two calls or event
/// batches ever execute concurrently inside one activation.
/// </summary>
public abstract class Grain
{
    private GrainActivation? _activation;

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => Activation.GrainId;

    /// <summary>This grain's key.</summary>
    public string Key => Activation.GrainId.Key;

    internal GrainActivation Activation => _activation ?? throw new InvalidOperationException("The grain is not activated yet.");

    /// <summary>Runs after the state is loaded, before the first call or event.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation is dropped (idle, rebalance or shutdown); state is saved afterwards.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks the runtime to deactivate this grain after the current turn, saving its state first.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation();

    /// <summary>
    /// Sends a durable message to another grain. It is committed with this grain's partition's next
    /// checkpoint and delivered exactly once after that, even across crashes; messages of a kind
    /// registered with a combine function are merged per target first. The runtime owns
    /// <paramref name="message"/> from then on: the grain must not keep or change it.
    /// </summary>
    protected void Send<TInterface, TMessage>(string key, TMessage message)
        where TInterface : IGrainWithStringKey
        where TMessage : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(message);
        var binding = Activation.Messages.Get(typeof(TInterface), typeof(TMessage));
        Activation.Outbox.Send(new GrainId(binding.GrainType, key), binding, message);
    }

    /// <summary>
    /// Publishes this grain's snapshot to every silo's snapshot cache. By default it leaves once the
    /// state it reflects is committed (at most one checkpoint interval later), so no silo ever sees
    /// a change that a crash could undo. With <paramref name="afterCommit"/> false it leaves at once:
    /// right for state derived only from durable events and messages, which a crash replays to the
    /// same result. Only the latest snapshot per grain counts.
    /// </summary>
    protected void PublishSnapshot(byte[] payload, bool afterCommit = true)
    {
        ArgumentNullException.ThrowIfNull(payload);
        Activation.Outbox.PublishSnapshot(SnapshotKey.Of(GrainId), payload, afterCommit);
    }

    internal void Attach(GrainActivation activation) => _activation = activation;

    /// <summary>The state to persist (UTF-8 JSON), or null when the grain has none or it was cleared.</summary>
    internal virtual byte[]? SerializeState() => null;

    /// <summary>Loads persisted state; null means the grain has never been stored.</summary>
    internal virtual void LoadState(byte[]? state)
    {
    }
}
