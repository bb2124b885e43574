namespace Experimentation.Features;

/// <summary>
/// Ring arithmetic for counters kept in time buckets addressed by absolute bucket index
/// (timestamp / width). A ring of length L whose newest written bucket is <c>head</c> holds buckets
/// (head − L, head]; anything older has been overwritten or cleared, so reads intersect that range
/// with the window asked for and never need per-slot bookkeeping.
/// </summary>
internal static class BucketRing
{
    public static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }

    public static int Slot(long bucket, int length)
    {
        var slot = (int)(bucket % length);
        return slot < 0 ? slot + length : slot;
    }

    /// <summary>Clears the slots the head passes over when it moves from <paramref name="oldHead"/> to <paramref name="newHead"/>.</summary>
    public static void Advance(Span<int> ring, long oldHead, long newHead)
    {
        for (var bucket = Math.Max(oldHead + 1, newHead - ring.Length + 1); bucket <= newHead; bucket++)
        {
            ring[Slot(bucket, ring.Length)] = 0;
        }
    }

    /// <summary>Whether <paramref name="bucket"/> is still held by a ring whose head is <paramref name="head"/>.</summary>
    public static bool Holds(int length, long head, long bucket) => bucket <= head && bucket > head - length;

    /// <summary>Sum of the buckets (<paramref name="newest"/> − length, <paramref name="newest"/>] the ring still holds.</summary>
    public static int Sum(ReadOnlySpan<int> ring, long head, long newest)
    {
        var sum = 0;
        for (var bucket = Math.Max(head, newest) - ring.Length + 1; bucket <= Math.Min(head, newest); bucket++)
        {
            sum += ring[Slot(bucket, ring.Length)];
        }

        return sum;
    }
}
