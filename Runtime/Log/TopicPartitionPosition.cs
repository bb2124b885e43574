namespace Runtime.Log;

/// <summary>A position in a topic partition: the offset of the next record to read.</summary>
public readonly record struct TopicPartitionPosition(string Topic, int Partition, long Offset);
