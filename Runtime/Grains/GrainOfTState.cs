using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Runtime.Grains;

/// <summary>
/// A grain with persisted state. Changes are saved with the partition's next checkpoint (at most
/// <c>Runtime:CheckpointInterval</c> later), in the same transaction as the consumed offsets, so
/// state changed by events is exactly-once across crashes.
/// </summary>
/// <typeparam name="TState">The persisted state record.</typeparam>
public abstract class Grain<TState> : Grain
    where TState : class
{
    private readonly JsonTypeInfo<TState> _stateType;
    private readonly JsonTypeInfo<TState>? _finiteStateType;
    private readonly Func<TState> _emptyState;
    private TState? _state;

    /// <param name="stateType">Source-generated JSON metadata for <typeparamref name="TState"/>.</param>
    /// <param name="emptyState">The state of a grain that was never stored (or was cleared).</param>
    protected Grain(JsonTypeInfo<TState> stateType, Func<TState> emptyState)
        : this(stateType, null, emptyState)
    {
    }

    /// <param name="stateType">Source-generated JSON metadata for <typeparamref name="TState"/>; it reads every stored state.</param>
    /// <param name="finiteStateType">
    /// Optional metadata for the same type from a context without special number handling, whose
    /// generated fast path writes the state when its numbers are all finite (see <see cref="StateSerializer"/>).
    /// </param>
    /// <param name="emptyState">The state of a grain that was never stored (or was cleared).</param>
    protected Grain(JsonTypeInfo<TState> stateType, JsonTypeInfo<TState>? finiteStateType, Func<TState> emptyState)
    {
        _stateType = stateType;
        _finiteStateType = finiteStateType;
        _emptyState = emptyState;
    }

    /// <summary>The current state. Assigning it marks the grain changed.</summary>
    protected TState State
    {
        get => _state ??= _emptyState();
        set
        {
            _state = value;
            MarkStateChanged();
        }
    }

    /// <summary>True when the state was loaded from storage rather than created empty.</summary>
    protected bool StateWasStored { get; private set; }

    /// <summary>Marks the state as changed so the next checkpoint saves it.</summary>
    protected void MarkStateChanged() => Activation.MarkDirty();

    /// <summary>
    /// Marks the state changed and makes the current call durable: the call completes, for its caller,
    /// only after a checkpoint that includes this change has committed. The grain's own code goes on
    /// at once, because waiting inside the turn would block the checkpoint that the wait is for.
    /// </summary>
    protected Task WriteStateAsync()
    {
        Activation.MarkDirty();
        Activation.RequestDurability();
        return Task.CompletedTask;
    }

    /// <summary>Resets the state to empty and deletes the stored row at the next checkpoint (with <see cref="WriteStateAsync"/>, before the call completes).</summary>
    protected void ClearState()
    {
        _state = _emptyState();
        StateWasStored = false;
        Activation.MarkCleared();
    }

    /// <summary>
    /// Runs inside a turn just before the state is serialized for a checkpoint: a grain that keeps a
    /// richer in-memory model writes it back into <see cref="State"/> here, once per checkpoint
    /// rather than once per event.
    /// </summary>
    protected virtual void OnSaving()
    {
    }

    /// <summary>
    /// Runs inside the same turn right after the state was serialized: a grain whose
    /// <see cref="OnSaving"/> wrote a persisted form of its model can drop it here, so that form dies
    /// young instead of living (and being promoted by the GC) until the next checkpoint.
    /// </summary>
    protected virtual void OnSaved()
    {
    }

    internal override byte[]? SerializeState()
    {
        if (Activation.IsCleared)
        {
            return null;
        }

        OnSaving();
        var serialized = StateSerializer.Serialize(State, _stateType, _finiteStateType);
        OnSaved();
        return serialized;
    }

    internal override void LoadState(byte[]? state)
    {
        StateWasStored = state is not null;
        _state = state is null ? _emptyState() : JsonSerializer.Deserialize(state, _stateType) ?? _emptyState();
    }
}
