namespace Dashboard;

/// <summary>The <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>How often the history takes a sample of rates, latencies, partitions and experiments.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How far back the history reaches; older samples are dropped.</summary>
    public TimeSpan HistoryWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long the cluster view waits for another silo's own report before showing it as unreachable.</summary>
    public TimeSpan PeerTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Samples the history keeps: the window divided by the interval.</summary>
    public int Capacity => (int)Math.Ceiling(HistoryWindow / SampleInterval);
}
