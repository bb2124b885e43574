using System.Text;
using Runtime.Abstractions;

namespace Runtime.Tests.Abstractions;

public sealed class GrainPartitionerTests
{
    // Reference values from Apache Kafka's UtilsTest.testMurmur2 (the Java default partitioner's hash).
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    [InlineData("", 275646681)]
    public void Murmur2_KafkaReferenceInputs_MatchJava(string input, int expected)
    {
        Assert.Equal(expected, GrainPartitioner.Murmur2(Encoding.UTF8.GetBytes(input)));
    }

    [Fact]
    public void PartitionOf_SameKey_AlwaysSamePartitionWithinRange()
    {
        for (var i = 0; i < 1000; i++)
        {
            var key = "user-" + i;
            var partition = GrainPartitioner.PartitionOf(key, 8);
            Assert.InRange(partition, 0, 7);
            Assert.Equal(partition, GrainPartitioner.PartitionOf(key, 8));
            Assert.Equal(partition, GrainPartitioner.PartitionOf(Encoding.UTF8.GetBytes(key), 8));
        }
    }

    [Fact]
    public void PartitionOf_ManyKeys_SpreadOverEveryPartition()
    {
        var counts = new int[8];
        for (var i = 0; i < 8000; i++)
        {
            counts[GrainPartitioner.PartitionOf("u" + i, 8)]++;
        }

        Assert.All(counts, count => Assert.InRange(count, 800, 1200));
    }

    [Fact]
    public void PartitionOf_LongNonAsciiKey_UsesUtf8Bytes()
    {
        var key = new string('é', 400);
        Assert.Equal(GrainPartitioner.PartitionOf(Encoding.UTF8.GetBytes(key), 16), GrainPartitioner.PartitionOf(key, 16));
    }

    [Fact]
    public void PartitionOf_ZeroPartitions_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GrainPartitioner.PartitionOf("k", 0));
    }
}
