using Runtime.Diagnostics;
using Runtime.Log;

namespace Runtime.Activation;

/// <summary>
/// The silo's single consumer: one dedicated thread polls the log and hands each record to its
/// partition's processor. Rebalance callbacks run on this thread, inside Consume.
/// </summary>
internal sealed class ConsumerLoop(ILogConsumer consumer, PartitionManager manager, PartitionServices services) : IDisposable
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan OffsetCommitInterval = TimeSpan.FromSeconds(5);

    // Under a steady stream the log never comes back empty; partly filled chunks are then sent, and the
    // commit clock read, every this many records (a few milliseconds), so a quiet partition's records never wait long.
    private const int RecordsPerHousekeeping = 1024;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;

    /// <summary>Set when the loop died; the silo reports itself not ready.</summary>
    public Exception? Failure { get; private set; }

    public void Start()
    {
        consumer.Subscribe([services.Topics.Events, services.Topics.Internal]);
        _thread = new Thread(Run) { IsBackground = true, Name = "grain-consumer" };
        _thread.Start();
    }

    /// <summary>Leaves the group (final checkpoints run in the revoke callback) and waits for the thread.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _thread?.Join();
    }

    public void Dispose() => _stop.Dispose();

    private void Run()
    {
        var lastCommit = services.Time.GetTimestamp();
        var sinceHousekeeping = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                // While records wait to be sent, only what the client already holds is taken; the
                // moment it has nothing more, the partly filled chunks go to their processors.
                var record = consumer.Consume(manager.HasUnsentRecords ? TimeSpan.Zero : PollTimeout);
                manager.ConfirmAssignment();
                services.Backlog.Polled(record is not null);
                if (record is not null)
                {
                    manager.Dispatch(record);
                    if (++sinceHousekeeping < RecordsPerHousekeeping)
                    {
                        continue;
                    }
                }

                manager.FlushInboxes();
                sinceHousekeeping = 0;
                if (services.Time.GetElapsedTime(lastCommit) >= OffsetCommitInterval)
                {
                    lastCommit = services.Time.GetTimestamp();
                    CommitCheckpointedOffsets();
                }
            }
        }
#pragma warning disable CA1031 // Reported through Failure and readiness; the host decides what to do.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Failure = exception;
            RuntimeLog.ConsumerLoopFailed(services.Logger, exception);
        }
        finally
        {
            consumer.Close();
            consumer.Dispose();
        }
    }

    /// <summary>Mirrors checkpointed positions into the log's offset store so external tools see the group's lag.</summary>
    private void CommitCheckpointedOffsets()
    {
        var positions = manager.Processors
            .SelectMany(processor => processor.CommittedPositions.Select(p => new TopicPartitionPosition(p.Key, processor.Partition, p.Value)))
            .ToList();
        if (positions.Count > 0)
        {
            consumer.CommitOffsets(positions);
        }
    }
}
