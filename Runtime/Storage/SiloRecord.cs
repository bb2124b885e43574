namespace Runtime.Storage;

/// <summary>A silo as registered in the cluster's membership table.</summary>
public sealed record SiloRecord(string SiloId, string Address, string HostName, DateTimeOffset StartedAt, DateTimeOffset LastHeartbeat, string Status);
