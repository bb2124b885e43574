namespace Runtime.Log.InMemory;

/// <summary>Orders topic partitions by topic, then partition, so listeners see a stable order.</summary>
internal sealed class TopicPartitionComparer : IComparer<TopicPartitionId>
{
    public static readonly TopicPartitionComparer Instance = new();

    public int Compare(TopicPartitionId x, TopicPartitionId y)
    {
        var byTopic = string.CompareOrdinal(x.Topic, y.Topic);
        return byTopic != 0 ? byTopic : x.Partition.CompareTo(y.Partition);
    }
}
