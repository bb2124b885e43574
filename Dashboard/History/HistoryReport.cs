namespace Dashboard.History;

/// <summary>Body of <c>GET /dashboard/api/history?since=N</c>: the samples after N and the sampling settings.</summary>
/// <param name="IntervalSeconds">How often a sample is taken.</param>
/// <param name="WindowSeconds">How far back the history reaches.</param>
/// <param name="LatestSequence">The newest sample's sequence; below a client's own it means the silo restarted and the client should start over.</param>
/// <param name="Samples">The samples after the one asked for, oldest first.</param>
public sealed record HistoryReport(double IntervalSeconds, double WindowSeconds, long LatestSequence, List<DashboardSample> Samples);
