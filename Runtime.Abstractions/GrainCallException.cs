namespace Runtime.Abstractions;

/// <summary>The grain ran the call and it failed; <see cref="Exception.Message"/> carries the grain's reason.</summary>
public sealed class GrainCallException : Exception
{
    public GrainCallException()
    {
    }

    public GrainCallException(string message)
        : base(message)
    {
    }

    public GrainCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The exception type name reported by the silo that ran the call, when known.</summary>
    public string? RemoteType { get; init; }
}
