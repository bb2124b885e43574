namespace Grains.Client;

/// <summary>The cluster answered an API call with an error it will not take back by retrying (400, 401, 403, 404…).</summary>
public sealed class ClusterApiException : Exception
{
    public ClusterApiException()
    {
    }

    public ClusterApiException(string message)
        : base(message)
    {
    }

    public ClusterApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int StatusCode { get; init; }

    /// <summary>Invalid fields and their reasons, for a 400 (for example <c>[3].timestamp</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
