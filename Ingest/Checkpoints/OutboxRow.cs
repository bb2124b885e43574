namespace Ingest.Checkpoints;

/// <summary>A committed, not yet delivered outbox message with the sequence the commit gave it.</summary>
public sealed record OutboxRow(long Sequence, string TargetKind, string TargetKey, byte[] Envelope);
