namespace Runtime.Log;

/// <summary>A topic partition.</summary>
public readonly record struct TopicPartitionId(string Topic, int Partition);
