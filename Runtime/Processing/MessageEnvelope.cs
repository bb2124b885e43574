using System.Buffers.Binary;
using System.Text;

namespace Runtime.Processing;

/// <summary>
/// A durable grain-to-grain message on the internal topic. It carries the sending partition and a
/// sequence number that partition assigned when it committed the message: the receiving partition
/// drops any copy whose sequence it has already applied, so re-publishing after a crash is harmless.
/// </summary>
/// <remarks>
/// Layout: version byte (2; forwarded events use 1), source partition (int32), sequence (int64), then
/// grain type, grain key and message kind (each a uint16 length and UTF-8 bytes), then the payload.
/// </remarks>
internal readonly record struct MessageEnvelope(int SourcePartition, long Sequence, string GrainType, string GrainKey, string Kind, byte[] Payload)
{
    public const byte Version = 2;
    private const int FixedLength = 1 + 4 + 8;

    /// <summary>The dedupe stream this envelope belongs to, one per source partition.</summary>
    public string DedupeStream => DedupeStreamOf(SourcePartition);

    public static string DedupeStreamOf(int sourcePartition) => "msg:" + sourcePartition.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsMessage(byte[] buffer) => buffer.Length > 0 && buffer[0] == Version;

    public byte[] Encode()
    {
        var type = Encoding.UTF8.GetBytes(GrainType);
        var key = Encoding.UTF8.GetBytes(GrainKey);
        var kind = Encoding.UTF8.GetBytes(Kind);
        var buffer = new byte[FixedLength + 6 + type.Length + key.Length + kind.Length + Payload.Length];
        buffer[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(1), SourcePartition);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(5), Sequence);
        var offset = FixedLength;
        foreach (var part in new[] { type, key, kind })
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(offset), checked((ushort)part.Length));
            part.CopyTo(buffer, offset + 2);
            offset += 2 + part.Length;
        }

        Payload.CopyTo(buffer, offset);
        return buffer;
    }

    public static bool TryDecode(byte[] buffer, out MessageEnvelope envelope)
    {
        envelope = default;
        if (buffer.Length < FixedLength || buffer[0] != Version)
        {
            return false;
        }

        var offset = FixedLength;
        var parts = new string[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (offset + 2 > buffer.Length)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(offset));
            if (offset + 2 + length > buffer.Length)
            {
                return false;
            }

            parts[i] = Encoding.UTF8.GetString(buffer, offset + 2, length);
            offset += 2 + length;
        }

        envelope = new MessageEnvelope(
            BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(1)),
            BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(5)),
            parts[0],
            parts[1],
            parts[2],
            buffer.AsSpan(offset).ToArray());
        return true;
    }
}
