namespace Runtime.Log.InMemory;

/// <summary>
/// Kafka's range assignor for one topic: members in a fixed order each take a contiguous range, the
/// first ones one partition more when the count does not divide. Applied per topic with the same
/// member order, it gives partition N of every equally partitioned topic to the same member, which
/// is the co-partitioning the runtime relies on.
/// </summary>
internal static class RangeAssignor
{
    public static IEnumerable<(T Member, IEnumerable<int> Partitions)> Assign<T>(IReadOnlyList<T> members, int partitionCount)
    {
        if (members.Count == 0)
        {
            yield break;
        }

        var perMember = partitionCount / members.Count;
        var withExtra = partitionCount % members.Count;
        var start = 0;
        for (var i = 0; i < members.Count; i++)
        {
            var count = perMember + (i < withExtra ? 1 : 0);
            yield return (members[i], Enumerable.Range(start, count));
            start += count;
        }
    }
}
