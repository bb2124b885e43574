namespace Runtime.Storage;

/// <summary>A silo as registered in the cluster's membership table.</summary>
public sealed record SiloRecord(string SiloId, string Address, string HostName, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, string Status)
{
    /// <summary>
    /// Registered as active and heard from within three heartbeat intervals: worth calling. The same
    /// margin after which a silo calls its own storage unreachable.
    /// </summary>
    public bool IsLive(DateTimeOffset now, TimeSpan heartbeatInterval) => Status == "active" && now - LastHeartbeat < heartbeatInterval * 3;
}
