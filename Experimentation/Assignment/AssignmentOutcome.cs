namespace Experimentation.Assignment;

/// <summary>
/// The result of <see cref="Assigner.Assign"/>. <see cref="Propensity"/> is the probability with which a user in
/// the experiment gets this variant (its normalized weight), as logged for inverse-propensity estimates.
/// Holdout users get the control with propensity 1; users outside the experiment get variant -1 and propensity 0.
/// </summary>
public readonly record struct AssignmentOutcome(AssignmentKind Kind, int VariantIndex, double Propensity)
{
    public static AssignmentOutcome NotInLayerRange { get; } = new(AssignmentKind.NotInLayerRange, -1, 0);

    public static AssignmentOutcome NotInTraffic { get; } = new(AssignmentKind.NotInTraffic, -1, 0);

    public static AssignmentOutcome Holdout { get; } = new(AssignmentKind.Holdout, AssignmentPlan.ControlIndex, 1);

    /// <summary>True when the user is in the experiment proper (not held out).</summary>
    public bool IsAssigned => Kind == AssignmentKind.Assigned;
}
