using Confluent.Kafka;

namespace Runtime.Kafka;

/// <summary>
/// The records queued between two flushes. A flush seals the current epoch and waits for it and
/// every earlier one to drain, so records queued after the flush began cannot keep it waiting
/// under continuous load (librdkafka's own Flush waits for the whole queue).
/// </summary>
internal sealed class DeliveryEpoch
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _previous;

    // Starts at one: the seal. The epoch cannot drain before a flush has sealed it.
    private long _pending = 1;

    public DeliveryEpoch(Task previous, Action<DeliveryEpoch, DeliveryReport<byte[]?, byte[]>> onDelivery)
    {
        _previous = previous;
        Handler = report => onDelivery(this, report);
    }

    /// <summary>One delivery handler per epoch, so Produce allocates no closure per record.</summary>
    public Action<DeliveryReport<byte[]?, byte[]>> Handler { get; }

    /// <summary>Completes when this epoch and all earlier ones have no record in flight.</summary>
    public Task Drained => _drained.Task;

    public void Enter() => Interlocked.Increment(ref _pending);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _previous.ContinueWith(
                static (_, state) => ((TaskCompletionSource)state!).TrySetResult(),
                _drained,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    public Task Seal()
    {
        Exit();
        return Drained;
    }
}
