namespace Runtime.Storage;

/// <summary>A silo's unique id (new on every start) and the base URL other silos call it on.</summary>
public sealed record SiloIdentity(string SiloId, string Address);
