using Runtime.Hosting;

namespace Runtime.Activation;

/// <summary>
/// When a partition's next checkpoint is due. The earliest of three rules wins:
/// <list type="bullet">
/// <item><b>Regular</b>: <see cref="RuntimeOptions.CheckpointInterval"/> after the previous checkpoint. The
/// first one comes early by a share of the interval that depends on the partition, so a silo's
/// partitions, which start together, do not all commit together every interval after.</item>
/// <item><b>Messages</b>: <see cref="RuntimeOptions.MessageFlushInterval"/> after a grain sent a durable
/// message, and no sooner than <see cref="CostFactor"/> times the previous commit's duration, so
/// storage spends at most about a fifth of its time on these; unless the silo's consumer has been
/// behind the log since before that message.</item>
/// <item><b>Quiet</b>: <see cref="RuntimeOptions.QuietCheckpointDelay"/> after the partition ran out of
/// records, when it has applied or changed something since the previous checkpoint and the consumer
/// is not behind, and no sooner than <see cref="RuntimeOptions.MessageFlushInterval"/> after that
/// checkpoint.</item>
/// </list>
/// </summary>
/// <remarks>
/// Only the partition's loop calls <see cref="Busy"/>, <see cref="Drained"/>, <see cref="Taken"/>,
/// <see cref="MessagesTaken"/> and <see cref="Delay"/>; grains in turns on other threads call <see cref="MessagePending"/>, and the
/// background commit calls <see cref="CommitEnded"/>.
/// </remarks>
internal sealed class CheckpointSchedule
{
    /// <summary>How many times the previous commit's duration an early checkpoint waits at least.</summary>
    public const int CostFactor = 4;

    private readonly RuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ConsumerBacklog _backlog;
    private long _lastCommitDurationTicks;
    private long _messagesPendingSince;

    // Until the first checkpoint: how much sooner than a full interval after the start it is due.
    private TimeSpan _firstCheckpointLead;

    // Loop only: since when the loop has found no record waiting at every look (0: it found some).
    private long _drainedSince;

    /// <summary>
    /// <paramref name="stagger"/> places this partition's checkpoints within the interval, from 0 (a full
    /// interval after the start) up to 1 (<see cref="StaggerOf"/>).
    /// </summary>
    public CheckpointSchedule(RuntimeOptions options, TimeProvider time, ConsumerBacklog backlog, double stagger = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stagger);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stagger, 1);
        _options = options;
        _time = time;
        _backlog = backlog;
        _firstCheckpointLead = options.CheckpointInterval * stagger;
        LastCheckpointTicks = time.GetTimestamp();
    }

    /// <summary>
    /// Partition <paramref name="partition"/>'s place among <paramref name="partitions"/>: a commit wave in
    /// which every partition writes all its changed grains at once (measured: the quarter second it falls
    /// in applied a quarter of the events of the others) becomes one partition's commit at a time.
    /// </summary>
    public static double StaggerOf(int partition, int partitions) => partitions <= 1 ? 0 : (double)(partition % partitions) / partitions;

    /// <summary>Timestamp of the previous checkpoint (or of the start).</summary>
    public long LastCheckpointTicks { get; private set; }

    /// <summary>The loop found records waiting.</summary>
    public void Busy() => _drainedSince = 0;

    /// <summary>The loop found no record waiting.</summary>
    public void Drained()
    {
        if (_drainedSince == 0)
        {
            _drainedSince = _time.GetTimestamp();
        }
    }

    /// <summary>A grain sent a durable message that waits for the next checkpoint.</summary>
    public void MessagePending() => Interlocked.CompareExchange(ref _messagesPendingSince, _time.GetTimestamp(), 0);

    /// <summary>A checkpoint begins: the regular and quiet rules count from now.</summary>
    public void Taken()
    {
        LastCheckpointTicks = _time.GetTimestamp();
        _firstCheckpointLead = TimeSpan.Zero;
    }

    /// <summary>A checkpoint took every waiting message (called under the outbox's lock, with the taking).</summary>
    public void MessagesTaken() => Interlocked.Exchange(ref _messagesPendingSince, 0);

    /// <summary>A commit succeeded after <paramref name="duration"/>.</summary>
    public void CommitEnded(TimeSpan duration) => Interlocked.Exchange(ref _lastCommitDurationTicks, duration.Ticks);

    /// <summary>
    /// How long a loop that has no record may sleep before it asks <see cref="Delay"/> again: the quiet
    /// rule depends on the consumer, which no record wakes the loop for.
    /// </summary>
    public TimeSpan Recheck(TimeSpan delay, bool uncommitted) =>
        uncommitted && _drainedSince != 0 ? Min(delay, _options.QuietCheckpointDelay) : delay;

    /// <summary>
    /// Time until the next checkpoint is due (zero or less: due now). <paramref name="uncommitted"/>
    /// says whether the partition has applied records or changed grains since the previous checkpoint.
    /// </summary>
    public TimeSpan Delay(bool uncommitted)
    {
        var now = _time.GetTimestamp();
        var delay = _options.CheckpointInterval - _firstCheckpointLead - _time.GetElapsedTime(LastCheckpointTicks, now);
        var floor = TimeSpan.FromTicks(CostFactor * Interlocked.Read(ref _lastCommitDurationTicks));
        var messagesSince = Interlocked.Read(ref _messagesPendingSince);

        // A silo that has been behind since the message was sent delays it by more than the early
        // checkpoint would win; batching its commits is what lets it catch up.
        var behindSince = _backlog.BusySince;
        if (messagesSince != 0 && (behindSince == 0 || behindSince > messagesSince))
        {
            var flushAfter = Max(_options.MessageFlushInterval, floor);
            delay = Min(delay, flushAfter - _time.GetElapsedTime(messagesSince, now));
        }

        // A partition of a silo that is behind goes without records only while the consumer is held up
        // by another partition's full queue, which says nothing about the end of a burst. No cost
        // floor: a quiet silo has no throughput to protect.
        if (uncommitted && _drainedSince != 0 && behindSince == 0)
        {
            var quiet = _options.QuietCheckpointDelay - _time.GetElapsedTime(_drainedSince, now);
            var sinceCheckpoint = _options.MessageFlushInterval - _time.GetElapsedTime(LastCheckpointTicks, now);
            delay = Min(delay, Max(quiet, sinceCheckpoint));
        }

        return delay;
    }

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;
}
