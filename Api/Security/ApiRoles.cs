namespace Api.Security;

/// <summary>
/// The roles an API key can carry. <see cref="Admin"/> includes everything <see cref="Service"/> may do,
/// and alone may call grains directly (<c>/_grains</c>), because a direct call can do anything an operator can.
/// </summary>
public static class ApiRoles
{
    /// <summary>Events, decide, recommend and user features.</summary>
    public const string Service = "service";

    /// <summary>Experiments, cluster, dashboard, erasure and direct grain calls, plus all of <see cref="Service"/>.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Service, Admin];

    /// <summary>True when a key of role <paramref name="held"/> may use what <paramref name="required"/> guards.</summary>
    public static bool Grants(string held, string required) =>
        string.Equals(held, required, StringComparison.Ordinal) || string.Equals(held, Admin, StringComparison.Ordinal);
}
