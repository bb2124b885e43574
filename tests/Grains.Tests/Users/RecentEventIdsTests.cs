using System.Buffers.Binary;
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

    [Fact]
    public void TryAdd_FewIds_RingStaysSmall()
    {
        byte[] ring = [];
        var next = 0;
        for (var i = 0; i < 3; i++)
        {
            RecentEventIds.TryAdd(ref ring, ref next, $"e-{i}");
        }

        Assert.Equal(RecentEventIds.InitialSlots * sizeof(ulong), ring.Length);
        Assert.Equal(3, next);
    }

    [Fact]
    public void TryAdd_RingGrowsToTheCapacity_EveryIdIsStillRecognised()
    {
        byte[] ring = [];
        var next = 0;
        for (var i = 0; i < RecentEventIds.Capacity; i++)
        {
            Assert.True(RecentEventIds.TryAdd(ref ring, ref next, $"e-{i}"));
        }

        Assert.Equal(RecentEventIds.Capacity * sizeof(ulong), ring.Length);
        Assert.Equal(0, next);
        for (var i = 0; i < RecentEventIds.Capacity; i++)
        {
            Assert.False(RecentEventIds.TryAdd(ref ring, ref next, $"e-{i}"));
        }
    }

    [Fact]
    public void TryAdd_FullRingStoredByAnEarlierVersion_IsKept()
    {
        var ring = new byte[RecentEventIds.Capacity * sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(ring.AsSpan(5 * sizeof(ulong)), RecentEventIds.Hash("old"));
        var next = 6;

        Assert.False(RecentEventIds.TryAdd(ref ring, ref next, "old"));
        Assert.True(RecentEventIds.TryAdd(ref ring, ref next, "new"));
        Assert.Equal(7, next);
    }

    [Fact]
    public void TryAdd_MalformedRing_StartsAFreshOne()
    {
        var ring = new byte[13];
        var next = 40;

        Assert.True(RecentEventIds.TryAdd(ref ring, ref next, "e-1"));
        Assert.Equal(RecentEventIds.InitialSlots * sizeof(ulong), ring.Length);
        Assert.Equal(1, next);
    }
}
