namespace Runtime.Storage;

/// <summary>A grain state to store (UTF-8 JSON), or a deletion when <paramref name="State"/> is null.</summary>
public sealed record GrainStateWrite(string GrainType, string Key, byte[]? State);
