namespace Runtime.Log;

/// <summary>A topic to create when missing.</summary>
public sealed record TopicSpec(string Name, int Partitions, bool Compacted = false);
