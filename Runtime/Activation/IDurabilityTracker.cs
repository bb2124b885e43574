namespace Runtime.Activation;

/// <summary>Lets a grain wait for its partition's next durable checkpoint, report that it changed, or ask to be swept soon.</summary>
internal interface IDurabilityTracker
{
    /// <summary>Completes when a checkpoint that started after this call has committed.</summary>
    Task WaitForCheckpointAsync();

    /// <summary>The activation changed since it was last listed: the next checkpoint saves it (see <see cref="GrainActivation.Unlist"/>).</summary>
    void TrackDirty(GrainActivation activation);

    /// <summary>A grain asked to be deactivated: sweep idle grains at the next checkpoint rather than the next scheduled sweep.</summary>
    void RequestSweep();
}
