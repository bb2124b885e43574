using System.Text;
using Experimentation.Assignment;

namespace Experimentation.Tests.Assignment;

public sealed class BucketHasherTests
{
    // Reference values of MurmurHash3_x86_32 (Austin Appleby's SMHasher), as other ports publish them.
    [Theory]
    [InlineData("", 0u, 0u)]
    [InlineData("", 1u, 0x514E28B7u)]
    [InlineData("", 0xFFFFFFFFu, 0x81F16F39u)]
    [InlineData("\0\0\0\0", 0u, 0x2362F9DEu)]
    [InlineData("aaaa", 0x9747B28Cu, 0x5A97808Au)]
    [InlineData("aaa", 0x9747B28Cu, 0x283E0130u)]
    [InlineData("aa", 0x9747B28Cu, 0x5D211726u)]
    [InlineData("a", 0x9747B28Cu, 0x7FA09EA6u)]
    [InlineData("Hello, world!", 0x9747B28Cu, 0x24884CBAu)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x9747B28Cu, 0x2FA826CDu)]
    public void Murmur3_ReferenceInputs_MatchPublishedValues(string input, uint seed, uint expected) =>
        Assert.Equal(expected, BucketHasher.Murmur3(Encoding.UTF8.GetBytes(input), seed));

    [Fact]
    public void EncodeKeyPrefix_SaltAndScope_EachFollowedByNul() =>
        Assert.Equal("s\0exp-ü\0"u8.ToArray(), BucketHasher.EncodeKeyPrefix("s", "exp-ü"));

    [Fact]
    public void Hash_StringParts_HashesPrefixThenUtf8UnitId()
    {
        var key = "s\0exp\0用户-1"u8.ToArray();

        Assert.Equal(BucketHasher.Murmur3(key, 5), BucketHasher.Hash("s", "exp", "用户-1", 5));
    }

    [Fact]
    public void Hash_PartsMovedAcrossTheSeparator_DifferentHashes() =>
        Assert.NotEqual(BucketHasher.Hash("a:b", "c", "u"), BucketHasher.Hash("a", "b:c", "u"));

    // Published vectors (HASHING.md): clients in other languages must reproduce these buckets.
    [Theory]
    [InlineData("exp-checkout", "exp-checkout", "user-1", 0u, 3998667363u, 9310)]
    [InlineData("exp-checkout", "exp-checkout", "user-1", 1u, 2480544614u, 5775)]
    [InlineData("exp-checkout", "exp-checkout", "user-1", 3u, 2644339815u, 6156)]
    [InlineData("x7f2k", "exp-checkout", "user-abc123", 0u, 3955644320u, 9209)]
    [InlineData("x7f2k", "exp-checkout", "user-abc123", 1u, 4181064043u, 9734)]
    [InlineData("homepage", "", "user-1", 2u, 772738476u, 1799)]
    [InlineData("homepage", "", "user-2", 2u, 4154490359u, 9672)]
    [InlineData("s", "e", "", 0u, 1996453587u, 4648)]
    [InlineData("", "", "", 0u, 821347078u, 1912)]
    [InlineData("salt", "exp", "ünïcødé-用户", 0u, 3963705743u, 9228)]
    public void Bucket_PublishedVectors_AreStable(string salt, string experimentId, string unitId, uint seed, uint hash, int bucket)
    {
        Assert.Equal(hash, BucketHasher.Hash(salt, experimentId, unitId, seed));
        Assert.Equal(bucket, BucketHasher.Bucket(salt, experimentId, unitId, seed));
    }

    [Fact]
    public void Hash_KeyLongerThanTheStackBuffer_EqualsHashOfTheKeyBytes()
    {
        var longId = new string('x', 400) + "é";
        var longSalt = new string('s', 300);

        Assert.Equal(BucketHasher.Murmur3(Encoding.UTF8.GetBytes($"salt\0exp\0{longId}"), 7), BucketHasher.Hash("salt", "exp", longId, 7));
        Assert.Equal(BucketHasher.Murmur3(Encoding.UTF8.GetBytes($"{longSalt}\0exp\0u"), 7), BucketHasher.Hash(longSalt, "exp", "u", 7));
    }

    [Fact]
    public void Hash_SeveralSeeds_EqualsOneHashPerSeed()
    {
        Span<uint> hashes = stackalloc uint[3];

        BucketHasher.Hash(BucketHasher.EncodeKeyPrefix("s", "e"), "u", [0, 1, 2], hashes);

        Assert.Equal([BucketHasher.Hash("s", "e", "u", 0), BucketHasher.Hash("s", "e", "u", 1), BucketHasher.Hash("s", "e", "u", 2)], hashes.ToArray());
    }

    [Theory]
    [InlineData(0u, 0)]
    [InlineData(429_496u, 0)]
    [InlineData(429_497u, 1)]
    [InlineData(0x8000_0000u, 5_000)]
    [InlineData(uint.MaxValue, 9_999)]
    public void ToBucket_HashRange_MapsOntoBuckets(uint hash, int expected) =>
        Assert.Equal(expected, BucketHasher.ToBucket(hash));

    [Theory]
    [InlineData(0u, 0.0)]
    [InlineData(0x8000_0000u, 0.5)]
    public void ToUnitInterval_Hash_ScalesBy2PowMinus32(uint hash, double expected) =>
        Assert.Equal(expected, BucketHasher.ToUnitInterval(hash));

    [Fact]
    public void ToUnitInterval_LargestHash_StaysBelowOne() =>
        Assert.True(BucketHasher.ToUnitInterval(uint.MaxValue) < 1.0);

    [Fact]
    public void Hash_ValidatedIds_DoesNotAllocate()
    {
        BucketHasher.Hash("salt", "exp", "user-42");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var sum = 0u;
        for (var i = 0; i < 1_000; i++)
        {
            sum += BucketHasher.Hash("salt", "exp", "user-42", (uint)i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0u, sum);
    }
}
