namespace Experimentation.Assignment;

/// <summary>
/// Deterministic assignment of users to experiments: the same user and plan always give the same outcome,
/// on any machine, with no stored state. Allocation-free.
/// </summary>
/// <remarks>
/// Each decision uses its own hash so they are not correlated: layer membership (keyed by the layer name,
/// shared by the layer's experiments), traffic, holdout and variant (keyed by salt and experiment id, under
/// different seeds). Ramping traffic up therefore keeps the users already in, and neither traffic nor holdout
/// changes which variant a user gets.
/// </remarks>
public static class Assigner
{
    public const uint VariantSeed = 0;
    public const uint TrafficSeed = 1;
    public const uint LayerSeed = 2;
    public const uint HoldoutSeed = 3;

    public static AssignmentOutcome Assign(AssignmentPlan plan, ReadOnlySpan<char> userId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Span<uint> hashes = stackalloc uint[3];
        if (plan.Layer is { } layer)
        {
            BucketHasher.Hash(plan.LayerKeyPrefix, userId, [LayerSeed], hashes);
            if (!layer.Contains(BucketHasher.ToBucket(hashes[0])))
            {
                return AssignmentOutcome.NotInLayerRange;
            }
        }

        BucketHasher.Hash(plan.KeyPrefix, userId, [TrafficSeed, HoldoutSeed, VariantSeed], hashes);
        if (BucketHasher.ToUnitInterval(hashes[0]) >= plan.TrafficAllocation)
        {
            return AssignmentOutcome.NotInTraffic;
        }

        if (BucketHasher.ToUnitInterval(hashes[1]) < plan.Holdout)
        {
            return AssignmentOutcome.Holdout;
        }

        var variant = plan.VariantAt(BucketHasher.ToUnitInterval(hashes[2]));
        return new(AssignmentKind.Assigned, variant, plan.WeightOf(variant));
    }

    /// <summary>The user's bucket in a layer, the same for every experiment of the layer: key <c>layerName 0x00 0x00 userId</c>.</summary>
    public static int LayerBucket(string layerName, ReadOnlySpan<char> userId) =>
        BucketHasher.Bucket(layerName, ReadOnlySpan<char>.Empty, userId, LayerSeed);
}
