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

    // Keys of validated ids fit on the stack; longer ones rent, so hashing never allocates.
    private const int StackLimit = 256;

    /// <summary>The 32-bit hash of the key <c>salt 0x00 scope 0x00 unitId</c> under <paramref name="seed"/>.</summary>
    public static uint Hash(ReadOnlySpan<char> salt, ReadOnlySpan<char> scope, ReadOnlySpan<char> unitId, uint seed = 0)
    {
        using var prefix = new Scratch(stackalloc byte[StackLimit], Encoding.UTF8.GetMaxByteCount(salt.Length + scope.Length) + 2);
        Span<uint> hash = stackalloc uint[1];
        Hash(prefix.Span[..WriteKeyPrefix(prefix.Span, salt, scope)], unitId, [seed], hash);
        return hash[0];
    }

    /// <summary>
    /// Hashes one key under several seeds: independent hashes of the same unit for different decisions
    /// (traffic, holdout, variant). The prefix (<see cref="EncodeKeyPrefix"/>) is encoded once per experiment,
    /// so each call only encodes the unit id.
    /// </summary>
    public static void Hash(ReadOnlySpan<byte> keyPrefix, ReadOnlySpan<char> unitId, ReadOnlySpan<uint> seeds, Span<uint> hashes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes.Length, seeds.Length, nameof(hashes));
        Span<byte> stack = stackalloc byte[StackLimit];
        int length;
        if (keyPrefix.Length > stack.Length || !Encoding.UTF8.TryGetBytes(unitId, stack[keyPrefix.Length..], out length))
        {
            using var large = new Scratch(default, keyPrefix.Length + Encoding.UTF8.GetMaxByteCount(unitId.Length));
            HashKey(large.Span, keyPrefix, unitId, seeds, hashes);
            return;
        }

        keyPrefix.CopyTo(stack);
        HashAll(stack[..(keyPrefix.Length + length)], seeds, hashes);
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

    /// <summary>The UTF-8 key prefix <c>salt 0x00 scope 0x00</c>, shared by every unit of an experiment.</summary>
    public static byte[] EncodeKeyPrefix(string salt, string scope)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(scope);
        var prefix = new byte[Encoding.UTF8.GetByteCount(salt) + Encoding.UTF8.GetByteCount(scope) + 2];
        WriteKeyPrefix(prefix, salt, scope);
        return prefix;
    }

    /// <summary>Writes the UTF-8 key prefix <c>salt 0x00 scope 0x00</c>; returns its length in bytes.</summary>
    public static int WriteKeyPrefix(Span<byte> destination, ReadOnlySpan<char> salt, ReadOnlySpan<char> scope)
    {
        // NUL cannot occur in validated ids, so the separator keeps ("a:b", "c") and ("a", "b:c") apart.
        var length = Encoding.UTF8.GetBytes(salt, destination);
        destination[length++] = 0;
        length += Encoding.UTF8.GetBytes(scope, destination[length..]);
        destination[length++] = 0;
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
        if (tail.Length > 0)
        {
            uint t = tail[0];
            if (tail.Length > 1)
            {
                t |= (uint)tail[1] << 8;
            }

            if (tail.Length > 2)
            {
                t |= (uint)tail[2] << 16;
            }

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

    private static void HashKey(Span<byte> buffer, ReadOnlySpan<byte> keyPrefix, ReadOnlySpan<char> unitId, ReadOnlySpan<uint> seeds, Span<uint> hashes)
    {
        keyPrefix.CopyTo(buffer);
        var length = keyPrefix.Length + Encoding.UTF8.GetBytes(unitId, buffer[keyPrefix.Length..]);
        HashAll(buffer[..length], seeds, hashes);
    }

    private static void HashAll(ReadOnlySpan<byte> key, ReadOnlySpan<uint> seeds, Span<uint> hashes)
    {
        for (var i = 0; i < seeds.Length; i++)
        {
            hashes[i] = Murmur3(key, seeds[i]);
        }
    }

    /// <summary>The stack buffer when it is large enough, else a pooled array returned on dispose.</summary>
    private ref struct Scratch
    {
        private readonly byte[]? _rented;

        public Scratch(Span<byte> stack, int needed)
        {
            if (needed <= stack.Length)
            {
                Span = stack;
            }
            else
            {
                _rented = ArrayPool<byte>.Shared.Rent(needed);
                Span = _rented;
            }
        }

        public Span<byte> Span { get; }

        public readonly void Dispose()
        {
            if (_rented is not null)
            {
                ArrayPool<byte>.Shared.Return(_rented);
            }
        }
    }
}
