namespace Experimentation.Targeting;

/// <summary>
/// What targeting can see of a user: string attributes (device, location, custom context keys) and
/// numeric features (totalEvents, engagementScore, …). Attributes win when a name is in both.
/// </summary>
public sealed class TargetingContext
{
    private static readonly Dictionary<string, string> NoAttributes = [];
    private static readonly Dictionary<string, double> NoFeatures = [];

    public TargetingContext(IReadOnlyDictionary<string, string>? attributes = null, IReadOnlyDictionary<string, double>? features = null)
    {
        Attributes = attributes ?? NoAttributes;
        Features = features ?? NoFeatures;
    }

    public static TargetingContext Empty { get; } = new();

    public IReadOnlyDictionary<string, string> Attributes { get; }

    public IReadOnlyDictionary<string, double> Features { get; }
}
