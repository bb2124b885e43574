namespace Grains.Interfaces.Events;

/// <summary>Bounds that keep one event, and so one user's state, small.</summary>
public static class EventLimits
{
    public const int MaxIdLength = 128;
    public const int MaxTypeLength = 64;
    public const int MaxTextLength = 256;
    public const int MaxProperties = 32;

    /// <summary>Event time may run ahead of the server clock by at most this much (clock skew).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);
}
