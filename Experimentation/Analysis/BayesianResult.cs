namespace Experimentation.Analysis;

/// <summary>Probability of being best and expected loss of every variant, in input order.</summary>
/// <param name="Arms">One entry per variant.</param>
/// <param name="Exact">True when computed in closed form, false when by Monte Carlo.</param>
public sealed record BayesianResult(IReadOnlyList<BayesianArm> Arms, bool Exact);
