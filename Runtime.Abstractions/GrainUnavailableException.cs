namespace Runtime.Abstractions;

/// <summary>
/// The grain's partition has no reachable owner right now, typically during a rebalance or a
/// failover. The call did not run; retrying after a short delay is safe.
/// </summary>
public sealed class GrainUnavailableException : Exception
{
    public GrainUnavailableException()
    {
    }

    public GrainUnavailableException(string message)
        : base(message)
    {
    }

    public GrainUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
