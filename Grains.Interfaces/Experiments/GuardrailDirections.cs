namespace Grains.Interfaces.Experiments;

/// <summary>Values of <see cref="GuardrailDefinition.BadDirection"/>.</summary>
public static class GuardrailDirections
{
    public const string Increase = "increase";

    public const string Decrease = "decrease";

    public static IReadOnlyList<string> All { get; } = [Increase, Decrease];
}
