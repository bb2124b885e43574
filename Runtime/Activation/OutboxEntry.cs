namespace Runtime.Activation;

/// <summary>A durable message committed with its partition's checkpoint and not yet confirmed published.</summary>
internal sealed record OutboxEntry(long Sequence, string GrainType, string GrainKey, string Kind, byte[] Payload);
