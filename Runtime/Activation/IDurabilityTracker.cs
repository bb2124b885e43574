namespace Runtime.Activation;

/// <summary>Lets a grain wait for its partition's next durable checkpoint.</summary>
internal interface IDurabilityTracker
{
    /// <summary>Completes when a checkpoint that started after this call has committed.</summary>
    Task WaitForCheckpointAsync();
}
