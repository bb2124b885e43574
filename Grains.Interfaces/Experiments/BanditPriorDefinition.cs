namespace Grains.Interfaces.Experiments;

/// <summary>
/// Prior beliefs per arm. Binary rewards use Beta(<see cref="Alpha"/>, <see cref="Beta"/>); continuous rewards
/// use a Normal-Inverse-Gamma prior with mean <see cref="Mean"/>, strength <see cref="Kappa"/> and the same
/// Alpha and Beta for the variance. Null leaves the engine's default.
/// </summary>
public sealed record BanditPriorDefinition
{
    public double? Alpha { get; set; }

    public double? Beta { get; set; }

    public double? Mean { get; set; }

    public double? Kappa { get; set; }
}
