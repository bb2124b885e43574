namespace Ingest.Placement;

/// <summary>
/// Places a grain on the silo whose partition processor first calls it, which is the silo consuming
/// the grain's partition, so later ingest calls stay local. Put <see cref="PartitionLocalPlacementAttribute"/>
/// on the grain class and call <c>AddPartitionLocalPlacement</c> on the silo builder.
/// </summary>
[GenerateSerializer, Immutable, Alias("Ingest.PartitionLocalPlacement")]
public sealed class PartitionLocalPlacement : PlacementStrategy
{
    /// <summary>The request-context key under which a processor names its silo.</summary>
    public const string CallerSiloKey = "ingest.silo";

    public static PartitionLocalPlacement Instance { get; } = new();
}
