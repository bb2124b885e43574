using Dashboard.History;

namespace Dashboard.Tests.History;

public sealed class SampleRingTests
{
    [Fact]
    public void Add_BeyondCapacity_KeepsNewestInOrder()
    {
        var ring = new SampleRing<int>(3);
        for (var i = 1; i <= 5; i++)
        {
            ring.Add(i);
        }

        Assert.Equal([3, 4, 5], ring.Where(_ => true));
        Assert.Equal(3, ring.Count);
        Assert.Equal(5, ring.Last());
    }

    [Fact]
    public void Where_Predicate_FiltersOldestFirst()
    {
        var ring = new SampleRing<int>(10);
        for (var i = 1; i <= 6; i++)
        {
            ring.Add(i);
        }

        Assert.Equal([5, 6], ring.Where(i => i > 4));
    }

    [Fact]
    public void Last_Empty_IsDefault()
    {
        Assert.Null(new SampleRing<string>(2).Last());
    }
}
