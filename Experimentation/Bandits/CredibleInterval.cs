namespace Experimentation.Bandits;

/// <summary>An equal-tailed posterior interval for an arm's mean reward.</summary>
public readonly record struct CredibleInterval(double Lower, double Upper, double Level)
{
    public double Width => Upper - Lower;

    public bool Contains(double value) => value >= Lower && value <= Upper;
}
