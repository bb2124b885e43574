using System.Text;

namespace Runtime.Abstractions;

/// <summary>
/// Maps a grain key to its partition exactly as Java's default Kafka partitioner does
/// (murmur2 of the UTF-8 key, made positive, modulo the partition count), which librdkafka also
/// offers as <c>partitioner=murmur2_random</c>. Producers that use it put a user's records straight
/// onto the partition of its grain; records from any other partitioner are re-routed by the silo.
/// </summary>
public static class GrainPartitioner
{
    /// <summary>The partition of <paramref name="key"/> in a topic of <paramref name="partitionCount"/> partitions.</summary>
    public static int PartitionOf(string key, int partitionCount)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitionCount);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(key, buffer);
        return PartitionOf(buffer[..length], partitionCount);
    }

    /// <summary>The partition of a UTF-8 encoded key.</summary>
    public static int PartitionOf(ReadOnlySpan<byte> utf8Key, int partitionCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(partitionCount);
        return (Murmur2(utf8Key) & 0x7fffffff) % partitionCount;
    }

    /// <summary>Kafka's murmur2 variant (seed 0x9747b28c), bit for bit.</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint Seed = 0x9747b28c;
        const uint M = 0x5bd1e995;
        const int R = 24;
        var length = data.Length;
        var h = Seed ^ (uint)length;
        var quads = length / 4;
        for (var i = 0; i < quads; i++)
        {
            var k = (uint)(data[i * 4] | (data[(i * 4) + 1] << 8) | (data[(i * 4) + 2] << 16) | (data[(i * 4) + 3] << 24));
            k *= M;
            k ^= k >> R;
            k *= M;
            h *= M;
            h ^= k;
        }

        var tail = quads * 4;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[tail];
                h *= M;
                break;
        }

        h ^= h >> 13;
        h *= M;
        h ^= h >> 15;
        return (int)h;
    }
}
