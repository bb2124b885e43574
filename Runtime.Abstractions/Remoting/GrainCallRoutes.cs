namespace Runtime.Abstractions.Remoting;

/// <summary>The URL a silo serves grain calls on: <c>POST /_grains/{type}/{key}/{method}</c>.</summary>
public static class GrainCallRoutes
{
    public const string Pattern = "/_grains/{grainType}/{grainKey}/{method}";

    /// <summary>Problem type of a call that reached a silo not owning the grain's partition: retryable.</summary>
    public const string NotOwnerProblemType = "urn:orleans-kafka:not-owner";

    /// <summary>Problem type of a call whose grain method threw: not retried.</summary>
    public const string GrainErrorProblemType = "urn:orleans-kafka:grain-error";

    public static string PathFor(GrainId grainId, string method) =>
        $"/_grains/{Uri.EscapeDataString(grainId.Type)}/{Uri.EscapeDataString(grainId.Key)}/{Uri.EscapeDataString(method)}";
}
