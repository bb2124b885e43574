using System.Text.Json.Serialization;

namespace Experimentation.Features;

/// <summary>
/// The persisted form of a <see cref="UserFeatureModel"/>: flat arrays of numbers and strings, small
/// under any JSON naming policy (the short names are fixed). Times other than <see cref="LastEventAt"/>
/// are stored as milliseconds before it, which keeps the numbers short.
/// </summary>
public sealed class UserFeatureData
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("v")]
    public int Version { get; set; } = CurrentVersion;

    /// <summary>Newest event time in Unix milliseconds; meaningless while <see cref="TotalEvents"/> is 0.</summary>
    [JsonPropertyName("last")]
    public long LastEventAt { get; set; }

    [JsonPropertyName("n")]
    public long TotalEvents { get; set; }

    [JsonPropertyName("sum")]
    public double ValueSum { get; set; }

    /// <summary>Event types with live counters, in counter order.</summary>
    [JsonPropertyName("types")]
    public string[] Types { get; set; } = [];

    /// <summary>Non-zero counter slots as pairs: type index × 62 + slot, count.</summary>
    [JsonPropertyName("counts")]
    public int[] Counts { get; set; } = [];

    [JsonPropertyName("sid")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SessionId { get; set; }

    [JsonPropertyName("sStart")]
    public long SessionStartAge { get; set; }

    [JsonPropertyName("sLast")]
    public long SessionLastAge { get; set; }

    [JsonPropertyName("sCount")]
    public int SessionEvents { get; set; }

    [JsonPropertyName("cats")]
    public string[] Categories { get; set; } = [];

    /// <summary>Each category's score at its own reference time (<see cref="CategoryAges"/>).</summary>
    [JsonPropertyName("catScores")]
    public double[] CategoryScores { get; set; } = [];

    [JsonPropertyName("catAges")]
    public long[] CategoryAges { get; set; } = [];

    /// <summary>Recent item ids, most recent first.</summary>
    [JsonPropertyName("items")]
    public string[] Items { get; set; } = [];

    [JsonPropertyName("itemAges")]
    public long[] ItemAges { get; set; } = [];

    /// <summary>Index of each item's session in <see cref="SessionIds"/>, or -1 for none.</summary>
    [JsonPropertyName("itemSessions")]
    public int[] ItemSessions { get; set; } = [];

    [JsonPropertyName("sessions")]
    public string[] SessionIds { get; set; } = [];

    [JsonPropertyName("eng")]
    public double Engagement { get; set; }

    [JsonPropertyName("engAge")]
    public long EngagementAge { get; set; }
}
