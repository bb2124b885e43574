using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Experimentation.Assignment;

/// <summary>
/// Stable, platform-independent hashing of a unit (user) into buckets: MurmurHash3 x86_32 over the UTF-8
/// key <c>salt 0x00 scope 0x00 unitId</c>. Any client that reproduces these bytes and this hash gets the
/// same buckets; HASHING.md in this folder publishes the key layout and test vectors.
/// </summary>
public static class BucketHasher
{
    /// <summary>Number of buckets: 0.01 % granularity for traffic and layer ranges.</summary>
    public const int BucketCount = 10_000;

    // Keys of validated ids fit on the stack; longer ones rent, so the hot path never allocates.
    private const int StackLimit = 512;

    /// <summary>The 32-bit hash of the key <c>salt 0x00 scope 0x00 unitId</c> under <paramref name="seed"/>.</summary>
    public static uint Hash(ReadOnlySpan<char> salt, ReadOnlySpan<char> scope, ReadOnlySpan<char> unitId, uint seed = 0)
    {
        Span<uint> hash = stackalloc uint[1];
        Hash(salt, scope, unitId, [seed], hash);
        return hash[0];
    }

    /// <summary>
    /// Hashes one key under several seeds, encoding it once: independent hashes of the same unit for
    /// different decisions (traffic, holdout, variant) without paying for the UTF-8 encoding each time.
    /// </summary>
    public static void Hash(ReadOnlySpan<char> salt, ReadOnlySpan<char> scope, ReadOnlySpan<char> unitId, ReadOnlySpan<uint> seeds, Span<uint> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes.Length, seeds.Length, nameof(hashes));
        var maxBytes = Encoding.UTF8.GetMaxByteCount(salt.Length + scope.Length + unitId.Length) + 2;
        byte[]? rented = null;
        var buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var key = buffer[..WriteKey(buffer, salt, scope, unitId)];
            for (var i = 0; i < seeds.Length; i++)
            {
                hashes[i] = Murmur3(key, seeds[i]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The bucket in [0, <see cref="BucketCount"/>) of the key under <paramref name="seed"/>.</summary>
    public static int Bucket(ReadOnlySpan<char> salt, ReadOnlySpan<char> scope, ReadOnlySpan<char> unitId, uint seed = 0) =>
        ToBucket(Hash(salt, scope, unitId, seed));

    /// <summary>
    /// Maps a hash onto [0, <see cref="BucketCount"/>) by multiply-shift rather than modulo, so every bucket
    /// receives 429,496 or 429,497 of the 2^32 hashes.
    /// </summary>
    public static int ToBucket(uint hash) => (int)(((ulong)hash * BucketCount) >> 32);

    /// <summary>Maps a hash onto [0, 1) with 2^-32 resolution, for splits finer than a bucket (e.g. weights of 1/3).</summary>
    public static double ToUnitInterval(uint hash) => hash * (1.0 / 4_294_967_296.0);

    /// <summary>Writes the UTF-8 key <c>salt 0x00 scope 0x00 unitId</c>; returns its length in bytes.</summary>
    public static int WriteKey(Span<byte> destination, ReadOnlySpan<char> salt, ReadOnlySpan<char> scope, ReadOnlySpan<char> unitId)
    {
        // NUL cannot occur in validated ids, so the separator keeps ("a:b", "c") and ("a", "b:c") apart.
        var length = Encoding.UTF8.GetBytes(salt, destination);
        destination[length++] = 0;
        length += Encoding.UTF8.GetBytes(scope, destination[length..]);
        destination[length++] = 0;
        length += Encoding.UTF8.GetBytes(unitId, destination[length..]);
        return length;
    }

    /// <summary>The reference MurmurHash3 x86_32 of <paramref name="data"/>.</summary>
    public static uint Murmur3(ReadOnlySpan<byte> data, uint seed)
    {
        const uint c1 = 0xcc9e2d51;
        const uint c2 = 0x1b873593;
        var h = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(i * 4, 4));
            k = BitOperations.RotateLeft(k * c1, 15) * c2;
            h ^= k;
            h = (BitOperations.RotateLeft(h, 13) * 5) + 0xe6546b64;
        }

        var tail = data[(blocks * 4)..];
        uint t = 0;
        switch (tail.Length)
        {
            case 3:
                t = (uint)tail[2] << 16 | (uint)tail[1] << 8 | tail[0];
                break;
            case 2:
                t = (uint)tail[1] << 8 | tail[0];
                break;
            case 1:
                t = tail[0];
                break;
        }

        if (tail.Length > 0)
        {
            h ^= BitOperations.RotateLeft(t * c1, 15) * c2;
        }

        h ^= (uint)data.Length;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
