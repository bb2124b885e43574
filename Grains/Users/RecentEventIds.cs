using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Grains.Hashing;

namespace Grains.Users;

/// <summary>
/// The ids of a user's most recent events, as 64-bit FNV-1a hashes in a ring, so a repeated eventId
/// (a producer retry, a replayed batch) is applied once. Bounded: a repeat older than the last
/// <see cref="Capacity"/> events of the user is not recognised, which covers retries and replays.
/// </summary>
public static class RecentEventIds
{
    public const int Capacity = 128;

    /// <summary>Slots of a new ring. It doubles as it fills, up to <see cref="Capacity"/>.</summary>
    public const int InitialSlots = 8;

    /// <summary>Adds the id to the ring; false when it is already there (a duplicate).</summary>
    public static bool TryAdd(ref byte[] ring, ref int next, string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var slots = ring.Length / sizeof(ulong);
        if (ring.Length % sizeof(ulong) != 0 || slots is < InitialSlots or > Capacity || next < 0 || next > slots)
        {
            ring = new byte[InitialSlots * sizeof(ulong)];
            next = 0;
        }

        var hash = Hash(eventId);

        // Every event of an active user searches the whole ring (128 hashes once it has grown): one
        // vectorised search of the stored form instead of a decode and compare per slot.
        var stored = BitConverter.IsLittleEndian ? hash : BinaryPrimitives.ReverseEndianness(hash);
        if (MemoryMarshal.Cast<byte, ulong>(ring).Contains(stored))
        {
            return false;
        }

        // Most users have few events: a ring sized for the capacity from the start cost every cached
        // user 1 KB of memory and every stored row 1.4 KB of base64 zeros.
        if (next == ring.Length / sizeof(ulong) && ring.Length < Capacity * sizeof(ulong))
        {
            Array.Resize(ref ring, Math.Min(ring.Length * 2, Capacity * sizeof(ulong)));
        }

        BinaryPrimitives.WriteUInt64LittleEndian(ring.AsSpan(next * sizeof(ulong)), hash);
        next = (next + 1) % Capacity;
        return true;
    }

    /// <summary>FNV-1a over UTF-16 code units; never 0, which marks an empty slot.</summary>
    internal static ulong Hash(string text)
    {
        var hash = Fnv1a.Hash64(text);
        return hash == 0 ? 1 : hash;
    }
}
