using Runtime.Abstractions;

namespace Grains.Interfaces.Experiments;

/// <summary>One experiment: its versioned definition and the statistics its exposures and rewards built.</summary>
[GrainType("experiment")]
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the definition (valid, checked at the edge) and returns it with its new version; durable on return.</summary>
    Task<ExperimentDefinition> DefineAsync(ExperimentDefinition definition);

    /// <summary>Stops the experiment (decisions answer the control with reason stopped); null when it does not exist.</summary>
    Task<ExperimentDefinition?> StopAsync();

    /// <summary>The current definition, or null when the experiment was never defined.</summary>
    Task<ExperimentDefinition?> GetDefinitionAsync();

    /// <summary>Per-variant exposures, conversions, posteriors, probability of being best, traffic share and SRM; null when undefined.</summary>
    Task<ExperimentResults?> GetResultsAsync();
}
