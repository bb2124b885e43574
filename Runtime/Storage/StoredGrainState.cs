namespace Runtime.Storage;

/// <summary>A grain's stored state (UTF-8 JSON) and when it was last written.</summary>
public sealed record StoredGrainState(byte[] State, DateTimeOffset UpdatedAt);
