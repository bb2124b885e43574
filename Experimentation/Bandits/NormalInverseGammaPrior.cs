namespace Experimentation.Bandits;

/// <summary>
/// Normal-inverse-gamma prior on a reward's mean μ and variance σ²:
/// σ² ~ InvGamma(Alpha, Beta) and μ | σ² ~ N(Mean, σ² / Kappa).
/// </summary>
/// <param name="Mean">Prior guess of μ (μ0).</param>
/// <param name="Kappa">Pseudo-observations behind that guess (κ0); small means weak.</param>
/// <param name="Alpha">Shape of the variance prior (α0).</param>
/// <param name="Beta">Scale of the variance prior (β0); β0 / α0 is roughly the prior guess of σ².</param>
public readonly record struct NormalInverseGammaPrior(double Mean, double Kappa, double Alpha, double Beta)
{
    /// <summary>μ0 = 0, κ0 = 0.01, α0 = 1, β0 = 1: data of a few trials dominate it.</summary>
    public static NormalInverseGammaPrior Weak => new(0, 0.01, 1, 1);
}
