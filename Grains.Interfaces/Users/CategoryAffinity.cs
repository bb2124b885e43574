namespace Grains.Interfaces.Users;

/// <summary>A category and the user's exponentially decayed affinity to it.</summary>
public sealed record CategoryAffinity(string Category, double Score);
