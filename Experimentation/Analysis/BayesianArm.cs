using Experimentation.Bandits;

namespace Experimentation.Analysis;

/// <summary>One variant's standing under the joint posterior.</summary>
/// <param name="ProbabilityBest">P(this variant's mean is the highest).</param>
/// <param name="ExpectedLoss">E[max over variants of the mean − this variant's mean]: what shipping it costs, on average, if it is not the best.</param>
/// <param name="Interval">Equal-tailed credible interval of the variant's mean.</param>
public sealed record BayesianArm(double ProbabilityBest, double ExpectedLoss, CredibleInterval Interval);
