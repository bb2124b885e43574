namespace Grains.Interfaces.Experiments;

/// <summary>
/// Prior beliefs per arm. Binary rewards use Beta(<see cref="Alpha"/>, <see cref="Beta"/>); continuous rewards
/// use a Normal-Inverse-Gamma prior with mean <see cref="Mean"/>, strength <see cref="Kappa"/> and the same
/// Alpha and Beta for the variance. Null leaves the engine's default.
/// </summary>
public sealed record BanditPriorDefinition
{
    public double? Alpha { get; init; }

    public double? Beta { get; init; }

    public double? Mean { get; init; }

    public double? Kappa { get; init; }
}
