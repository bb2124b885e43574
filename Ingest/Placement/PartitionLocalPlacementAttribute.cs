using Orleans.Placement;

namespace Ingest.Placement;

/// <summary>Marks a consuming grain class for <see cref="PartitionLocalPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PartitionLocalPlacementAttribute() : PlacementAttribute(PartitionLocalPlacement.Instance);
