namespace Experimentation.Bandits;

/// <summary>A decision: the arm served and the probability with which the policy chose it.</summary>
public readonly record struct ArmChoice(int Arm, double Propensity);
