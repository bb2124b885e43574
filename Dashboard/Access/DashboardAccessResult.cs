namespace Dashboard.Access;

/// <summary>The outcome of an access check: allowed, or refused with the status and reason to answer.</summary>
/// <param name="StatusCode">200 when allowed, 401 when no valid key was presented, 403 when the key (or the caller) may not see the dashboard.</param>
/// <param name="Reason">Why access was refused, for the problem response; null when allowed.</param>
public sealed record DashboardAccessResult(int StatusCode, string? Reason)
{
    public static DashboardAccessResult Allowed { get; } = new(200, null);

    public bool IsAllowed => StatusCode == 200;

    public static DashboardAccessResult Unauthenticated(string reason) => new(401, reason);

    public static DashboardAccessResult Forbidden(string reason) => new(403, reason);
}
