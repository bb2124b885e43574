namespace Ingest.Checkpoints;

/// <summary>An outgoing message to commit: its target and its serialized envelope. The store numbers it.</summary>
public sealed record OutboxRecord(string TargetKind, string TargetKey, byte[] Envelope);
