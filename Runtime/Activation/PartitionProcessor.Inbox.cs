using System.Threading.Channels;
using Runtime.Log;

namespace Runtime.Activation;

/// <summary>
/// The hand-off from the consumer thread. Records travel in chunks, so the consumer takes the
/// channel's lock, and wakes the processor, once per chunk rather than once per record.
/// </summary>
internal sealed partial class PartitionProcessor
{
    private const int MaxChunkSize = 64;
    private readonly int _chunkSize;
    private readonly Channel<ArraySegment<LogRecord>> _inbox;

    // Consumer thread only: the chunk being filled.
    private LogRecord[]? _filling;
    private int _filled;

    // Processor loop only: what is left of the chunk being taken apart.
    private ArraySegment<LogRecord> _taking;

    /// <summary>
    /// Hands a consumed record to the processor. It travels with its chunk, once the chunk is full or
    /// at the next <see cref="FlushInbox"/>, which the consumer calls as soon as the log has nothing more to give.
    /// </summary>
    public void Enqueue(LogRecord record)
    {
        var chunk = _filling ??= new LogRecord[_chunkSize];
        chunk[_filled++] = record;
        if (_filled == chunk.Length)
        {
            FlushInbox();
        }
    }

    /// <summary>Sends the chunk being filled, if any; blocks the consumer thread while the queue is full.</summary>
    public void FlushInbox()
    {
        if (_filled == 0)
        {
            return;
        }

        var chunk = new ArraySegment<LogRecord>(_filling!, 0, _filled);
        _filling = null;
        _filled = 0;
        if (!_inbox.Writer.TryWrite(chunk))
        {
            WaitToHandOff(chunk);
        }
    }

    /// <summary>
    /// Back-pressure: the consumer waits here, which holds up every other partition too, so the wait
    /// is measured (<c>runtime.consumer.blocked</c>). Bounded waits keep it responsive to a stop.
    /// </summary>
    private void WaitToHandOff(ArraySegment<LogRecord> chunk)
    {
        var started = _services.Time.GetTimestamp();
        try
        {
            while (!_inbox.Writer.TryWrite(chunk))
            {
                if (_status != PartitionStatus.Running)
                {
                    return;
                }

                _inbox.Writer.WaitToWriteAsync(_stopping.Token).AsTask().Wait(TimeSpan.FromMilliseconds(100));
            }
        }
        finally
        {
            _services.Instruments.ConsumerBlocked.Add(
                _services.Time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("partition", Partition));
        }
    }

    /// <summary>A queue of chunks holding about <paramref name="capacity"/> records: a chunk is at most an eighth of it.</summary>
    private static (int ChunkSize, Channel<ArraySegment<LogRecord>> Inbox) CreateInbox(int capacity)
    {
        var chunkSize = Math.Clamp(capacity / 8, 1, MaxChunkSize);
        var inbox = Channel.CreateBounded<ArraySegment<LogRecord>>(new BoundedChannelOptions(Math.Max(1, capacity / chunkSize))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        return (chunkSize, inbox);
    }

    private bool TryTake(ChannelReader<ArraySegment<LogRecord>> reader, out LogRecord record)
    {
        if (_taking.Count == 0 && !reader.TryRead(out _taking))
        {
            record = null!;
            return false;
        }

        record = _taking[0];
        _taking = _taking[1..];
        return true;
    }
}
