using Experimentation.Features;
using Grains.Experiments;
using Grains.Recommendations;

namespace Grains.Users;

/// <summary>What a user grain persists. Kept separate from the wire type <c>UserFeatures</c> and from the feature math.</summary>
public sealed record UserState
{
    public UserFeatureData? Features { get; set; }

    /// <summary>Hashes of the latest event ids (see <see cref="RecentEventIds"/>).</summary>
    public byte[] RecentIds { get; set; } = [];

    public int NextId { get; set; }

    /// <summary>The most recent exposure per experiment, for reward attribution.</summary>
    public List<Exposure> Exposures { get; set; } = [];

    /// <summary>The user's participation per experiment since the first exposure (user-level analysis).</summary>
    public List<Participation> Participations { get; set; } = [];

    /// <summary>Outcome events of the last clock-skew tolerance, for exposures that arrive after them; null when none.</summary>
    public List<HeldReward>? HeldRewards { get; set; }

    /// <summary>Recent recommendation impressions, for click attribution.</summary>
    public List<Impression> Impressions { get; set; } = [];
}
