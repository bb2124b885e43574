namespace Runtime.Grains;

/// <summary>Where a durable message came from: the partition whose grains sent it and its sequence number there.</summary>
public readonly record struct MessageContext(int SourcePartition, long Sequence);
