namespace Api.Validation;

/// <summary>Bounds of what one request may ask for, checked at the edge.</summary>
public static class ApiLimits
{
    public const int MaxEventsPerBatch = 1_000;
    public const int MaxExperimentsPerDecision = 100;
    public const int MaxCandidates = 1_000;
    public const int MaxRecommendations = 100;
    public const int DefaultTrending = 10;
    public const int MaxTrending = 100;
    public const int MaxContextEntries = 32;
    public const int MaxContextValueLength = 256;
}
