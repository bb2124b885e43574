namespace Runtime.Activation;

/// <summary>Lifecycle of a partition on this silo.</summary>
internal enum PartitionStatus
{
    Running,
    Stopping,
    Stopped,
    Fenced,
}
