using System.Buffers.Binary;
using Runtime.Log;

namespace Runtime.Processing;

/// <summary>
/// A record of the events topic that arrived on the wrong partition (its producer used another
/// partitioner) and is re-routed through the internal topic to the partition of its grain. It
/// carries its source coordinates: the target drops any copy whose source offset it has already
/// applied, which makes re-routing exactly-once across crashes of either side.
/// </summary>
/// <remarks>
/// Layout: version byte, source partition (int32), source offset (int64), key length (int32, -1 for
/// none), key bytes, value bytes. Binary because it is on the re-routing hot path.
/// </remarks>
internal readonly record struct ForwardEnvelope(int SourcePartition, long SourceOffset, byte[]? Key, byte[] Value)
{
    private const byte Version = 1;
    private const int HeaderLength = 1 + 4 + 8 + 4;

    /// <summary>The dedupe stream this envelope belongs to, one per source partition.</summary>
    public string DedupeStream => DedupeStreamOf(SourcePartition);

    public static string DedupeStreamOf(int sourcePartition) => "fwd:" + sourcePartition.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ForwardEnvelope From(LogRecord record) => new(record.Partition, record.Offset, record.Key, record.Value);

    public byte[] Encode()
    {
        var keyLength = Key?.Length ?? -1;
        var buffer = new byte[HeaderLength + Math.Max(keyLength, 0) + Value.Length];
        buffer[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(1), SourcePartition);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(5), SourceOffset);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(13), keyLength);
        Key?.CopyTo(buffer, HeaderLength);
        Value.CopyTo(buffer, HeaderLength + Math.Max(keyLength, 0));
        return buffer;
    }

    public static bool TryDecode(byte[] buffer, out ForwardEnvelope envelope)
    {
        envelope = default;
        if (buffer.Length < HeaderLength || buffer[0] != Version)
        {
            return false;
        }

        var keyLength = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(13));
        if (keyLength < -1 || HeaderLength + Math.Max(keyLength, 0) > buffer.Length)
        {
            return false;
        }

        var key = keyLength < 0 ? null : buffer.AsSpan(HeaderLength, keyLength).ToArray();
        var value = buffer.AsSpan(HeaderLength + Math.Max(keyLength, 0)).ToArray();
        envelope = new ForwardEnvelope(
            BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(1)),
            BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(5)),
            key,
            value);
        return true;
    }
}
