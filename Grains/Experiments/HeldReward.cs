namespace Grains.Experiments;

/// <summary>
/// An outcome event kept for the clock-skew tolerance after it reached the user's grain, for an exposure
/// that was decided before it but reaches the grain after it (the exposure comes from the server, the
/// event from the client, on different paths).
/// </summary>
public sealed record HeldReward
{
    public string Type { get; init; } = "";

    public double? Value { get; init; }

    /// <summary>The event's own time, on the client's clock.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Experiments this event already credited: it credits at most one decision of each.</summary>
    public List<string> Credited { get; init; } = [];

    /// <summary>
    /// Experiments whose user-level participation already counted this event. A participation opened later,
    /// by a new iteration, must not count it again: it belongs to the earlier one.
    /// </summary>
    public List<string> Counted { get; init; } = [];
}
