using Runtime.Abstractions;

namespace Grains.Interfaces.Users;

/// <summary>One user's live state, fed by the user's events in partition order.</summary>
[GrainType("user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Returns the user's current features; a user never seen has zero events.</summary>
    Task<UserFeatures> GetFeaturesAsync();

    /// <summary>Deletes everything known about the user, durably, before completing.</summary>
    Task EraseAsync();
}
