namespace Experimentation;

/// <summary>Marker type for the Experimentation assembly (used by tests and DI scanning).</summary>
public static class ExperimentationAssembly
{
}
