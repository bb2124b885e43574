using Runtime.Abstractions;
using Runtime.Grains;
using Runtime.Processing;

namespace Runtime.Activation;

/// <summary>
/// One live grain instance and its turn lock. Every call and every event batch runs as a turn
/// under <see cref="_turn"/>, which is what makes a grain single-threaded.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The semaphore never allocates a wait handle (only WaitAsync is used), so there is nothing to dispose.")]
internal sealed class GrainActivation
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly IDurabilityTracker _durability;
    private long _changeVersion;
    private long _savedVersion;
    private long _lastUsedTicks;
    private bool _durabilityRequested;

    // 1 while the activation waits in its partition's dirty list, so a busy grain is listed once per checkpoint.
    private int _listed;

    public GrainActivation(GrainId grainId, Grain grain, IDurabilityTracker durability, IPartitionOutbox outbox, MessageBindings messages, long nowTicks)
    {
        GrainId = grainId;
        Grain = grain;
        _durability = durability;
        Outbox = outbox;
        Messages = messages;
        _lastUsedTicks = nowTicks;
        grain.Attach(this);
    }

    public GrainId GrainId { get; }

    public Grain Grain { get; }

    /// <summary>Where the grain's durable messages and snapshots go: its partition's outbox.</summary>
    public IPartitionOutbox Outbox { get; }

    public MessageBindings Messages { get; }

    /// <summary>True once the grain called ClearState and has not changed since: the stored row is deleted.</summary>
    public bool IsCleared { get; private set; }

    public bool IsDirty => Volatile.Read(ref _changeVersion) != Volatile.Read(ref _savedVersion);

    public bool DeactivationRequested { get; private set; }

    /// <summary>False once removed from its partition; a caller holding a stale reference must re-resolve.</summary>
    public bool IsActive { get; private set; } = true;

    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    public void MarkDirty()
    {
        IsCleared = false;
        Changed();
    }

    /// <summary>Marks the state changed without undoing a ClearState in the same turn (events always dirty a grain).</summary>
    public void MarkTouchedByEvents() => Changed();

    public void MarkCleared()
    {
        IsCleared = true;
        Changed();
    }

    /// <summary>
    /// Taken off the dirty list by the checkpoint; call inside a turn, before the snapshot. Changes
    /// happen only inside turns, so any later change lists the activation again.
    /// </summary>
    public void Unlist() => Volatile.Write(ref _listed, 0);

    /// <summary>Puts the activation on its partition's dirty list unless it is there already: at each change, and after a failed commit of its snapshot.</summary>
    public void EnsureListed()
    {
        if (Interlocked.Exchange(ref _listed, 1) == 0)
        {
            _durability.TrackDirty(this);
        }
    }

    public void RequestDeactivation()
    {
        DeactivationRequested = true;
        _durability.RequestSweep();
    }

    /// <summary>Asks that the current call complete, for its caller, only once the state is durable.</summary>
    public void RequestDurability() => _durabilityRequested = true;

    /// <summary>
    /// Runs <paramref name="work"/> as one turn. Fails fast when the activation is gone. When the
    /// grain asked for durability, waits after the turn (never inside it: the checkpoint needs the
    /// turn lock to snapshot the grain) until a checkpoint that includes the change has committed.
    /// </summary>
    public async Task<T> RunTurnAsync<T>(Func<Grain, Task<T>> work, long nowTicks, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        T result;
        bool durable;
        try
        {
            if (!IsActive)
            {
                throw new GrainUnavailableException($"Grain {GrainId} was deactivated; resolve it again.");
            }

            Volatile.Write(ref _lastUsedTicks, nowTicks);
            _durabilityRequested = false;
            result = await work(Grain).ConfigureAwait(false);
            durable = _durabilityRequested;
            _durabilityRequested = false;
        }
        finally
        {
            _turn.Release();
        }

        if (durable)
        {
            await _durability.WaitForCheckpointAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Waits for the turn lock; the caller must call <see cref="ExitTurn"/>.</summary>
    public Task EnterTurnAsync(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    public void ExitTurn() => _turn.Release();

    public void Touch(long nowTicks) => Volatile.Write(ref _lastUsedTicks, nowTicks);

    /// <summary>Captures the state to save; call inside a turn. Returns the change version it reflects.</summary>
    public (byte[]? State, long Version) Snapshot() => (Grain.SerializeState(), Volatile.Read(ref _changeVersion));

    /// <summary>Records that the snapshot of <paramref name="version"/> is durable.</summary>
    public void MarkSaved(long version)
    {
        // Only move forward: a later change made while the commit ran stays dirty.
        long current;
        do
        {
            current = Volatile.Read(ref _savedVersion);
            if (version <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _savedVersion, version, current) != current);
    }

    private void Changed()
    {
        Interlocked.Increment(ref _changeVersion);
        EnsureListed();
    }

    /// <summary>Marks the activation gone; call inside a turn so no call is mid-flight.</summary>
    public void Retire() => IsActive = false;
}
