namespace Api.Gateway;

/// <summary>The <c>Gateway</c> section of the standalone gateway.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>How long one request keeps retrying while its owner moves or no silo answers.</summary>
    public TimeSpan RetryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of one forwarded request, once a silo has accepted it.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the partition directory and the silo list are re-read from PostgreSQL.</summary>
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A silo whose last heartbeat is older than this is not sent requests that any silo could answer.</summary>
    public TimeSpan SiloLiveness { get; set; } = TimeSpan.FromSeconds(10);
}
