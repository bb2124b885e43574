namespace Grains.Interfaces.Experiments;

/// <summary>
/// Users needed per variant to detect an absolute change <see cref="MinimumDetectableEffect"/> in a
/// conversion rate of <see cref="BaselineRate"/> with a two-sided two-proportion test (as R's power.prop.test).
/// </summary>
public sealed record SampleSizePlan(double BaselineRate, double MinimumDetectableEffect, double Alpha, double Power, double ExactUsersPerVariant, long UsersPerVariant);
