namespace Dashboard.Access;

/// <summary>
/// Body of <c>GET /dashboard/api/access</c>: whether this request may read the data, and if not,
/// whether a key would help. The page asks this first, so it can prompt for a key without a failed request.
/// </summary>
public sealed record AccessReport(bool Allowed, bool KeyRequired, string? Reason);
