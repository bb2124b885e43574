namespace Ingest.Placement;

public static class PartitionLocalPlacementSiloBuilderExtensions
{
    /// <summary>Registers the director of <see cref="PartitionLocalPlacement"/>.</summary>
    public static ISiloBuilder AddPartitionLocalPlacement(this ISiloBuilder builder) =>
        builder.AddPlacementDirector<PartitionLocalPlacement, PartitionLocalPlacementDirector>();
}
