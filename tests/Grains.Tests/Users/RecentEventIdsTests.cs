using Grains.Users;

namespace Grains.Tests.Users;

public sealed class RecentEventIdsTests
{
    [Fact]
    public void TryAdd_RepeatedId_IsADuplicate()
    {
        byte[] ring = [];
        var next = 0;

        Assert.True(RecentEventIds.TryAdd(ref ring, ref next, "e-1"));
        Assert.True(RecentEventIds.TryAdd(ref ring, ref next, "e-2"));
        Assert.False(RecentEventIds.TryAdd(ref ring, ref next, "e-1"));
    }

    [Fact]
    public void TryAdd_IdOlderThanTheCapacity_IsForgotten()
    {
        byte[] ring = [];
        var next = 0;
        RecentEventIds.TryAdd(ref ring, ref next, "first");
        for (var i = 0; i < RecentEventIds.Capacity; i++)
        {
            RecentEventIds.TryAdd(ref ring, ref next, $"e-{i}");
        }

        Assert.True(RecentEventIds.TryAdd(ref ring, ref next, "first"));
        Assert.Equal(RecentEventIds.Capacity * sizeof(ulong), ring.Length);
    }
}
