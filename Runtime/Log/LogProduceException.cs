namespace Runtime.Log;

/// <summary>The log did not acknowledge a produced record.</summary>
public sealed class LogProduceException : Exception
{
    public LogProduceException()
    {
    }

    public LogProduceException(string message)
        : base(message)
    {
    }

    public LogProduceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
