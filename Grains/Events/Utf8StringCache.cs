using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Grains.Events;

/// <summary>
/// A small, lossy, thread-safe map from UTF-8 bytes to strings, for the values events repeat: types,
/// categories, items, devices. A repeated value costs no string. More importantly, the long-lived
/// feature models that keep such values (recent items, category affinity) then hold strings that are
/// already old, instead of a fresh young string per event that every GC has to promote.
/// </summary>
internal sealed class Utf8StringCache
{
    // Longer values (ids, free text) are rarely repeated and would only churn the slots.
    private const int MaxLength = 64;
    private readonly Entry?[] _entries;
    private readonly int _mask;

    public Utf8StringCache(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slots);
        _entries = new Entry?[size];
        _mask = size - 1;
    }

    /// <summary>The current string token's value, exactly as <see cref="Utf8JsonReader.GetString"/> returns it.</summary>
    public string? GetString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString();
        }

        // Invalid UTF-8: the reader throws, with its own message.
        return GetString(reader.ValueSpan) ?? reader.GetString();
    }

    /// <summary>The string that unescaped UTF-8 <paramref name="utf8"/> spells; null when it is not valid UTF-8.</summary>
    public string? GetString(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength)
        {
            return Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : null;
        }

        ref var slot = ref _entries[Hash(utf8) & _mask];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Value;
        }

        // Only a valid value is worth keeping.
        if (!Utf8.IsValid(utf8))
        {
            return null;
        }

        var value = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref slot, new Entry(utf8.ToArray(), value));
        return value;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        // FNV-1a: short inputs, no allocation, good enough spread for a lossy table.
        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }

    private sealed record Entry(byte[] Utf8, string Value);
}
