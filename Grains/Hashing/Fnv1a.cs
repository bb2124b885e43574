namespace Grains.Hashing;

/// <summary>
/// 64-bit FNV-1a over UTF-16 code units: the same value in every process and on every machine, unlike
/// <see cref="string.GetHashCode()"/> and <see cref="HashCode"/>, which are randomised per process.
/// </summary>
internal static class Fnv1a
{
    public const ulong OffsetBasis = 14695981039346656037UL;

    /// <summary>Hashes <paramref name="text"/>, continuing from <paramref name="hash"/> to hash several strings as one.</summary>
    public static ulong Hash64(ReadOnlySpan<char> text, ulong hash = OffsetBasis)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
