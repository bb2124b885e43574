namespace Runtime.Activation;

/// <summary>Lets a grain wait for its partition's next durable checkpoint, or ask to be swept soon.</summary>
internal interface IDurabilityTracker
{
    /// <summary>Completes when a checkpoint that started after this call has committed.</summary>
    Task WaitForCheckpointAsync();

    /// <summary>A grain asked to be deactivated: sweep idle grains at the next checkpoint rather than the next scheduled sweep.</summary>
    void RequestSweep();
}
