namespace Experimentation.Bandits;

/// <summary>An arm's posterior over its mean reward, whatever the reward model.</summary>
public interface IArmPosterior
{
    /// <summary>Posterior mean of the arm's mean reward.</summary>
    double Mean { get; }

    /// <summary>Posterior variance of the arm's mean reward.</summary>
    double Variance { get; }

    /// <summary>Equal-tailed interval holding <paramref name="level"/> of the posterior mass.</summary>
    CredibleInterval Interval(double level = 0.95);

    /// <summary>One draw of the arm's mean reward.</summary>
    double Sample(Random random);
}
