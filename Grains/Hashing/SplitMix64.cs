namespace Grains.Hashing;

/// <summary>SplitMix64's finaliser: nearby inputs give unrelated outputs, in every bit.</summary>
internal static class SplitMix64
{
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
