namespace Runtime.Activation;

/// <summary>What a checkpoint publishes once it has committed: durable messages and grain snapshots.</summary>
internal sealed record OutboxSnapshot(IReadOnlyList<OutboxEntry> Messages, IReadOnlyList<KeyValuePair<string, byte[]>> Snapshots)
{
    public static readonly OutboxSnapshot Empty = new([], []);

    public bool IsEmpty => Messages.Count == 0 && Snapshots.Count == 0;
}
