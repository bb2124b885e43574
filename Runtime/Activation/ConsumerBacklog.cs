namespace Runtime.Activation;

/// <summary>
/// Whether the silo's consumer is behind the log: it has found a record on hand at every poll since
/// <see cref="BusySince"/>. One consumer feeds every partition of the silo, so when it is behind (a
/// slow partition's full queue holds it up as much as a burst does), every partition is.
/// </summary>
/// <remarks>The consumer thread writes; partition loops read.</remarks>
internal sealed class ConsumerBacklog(TimeProvider time)
{
    private long _busySince;

    /// <summary>Timestamp since which every poll found a record; 0 when the last poll found none.</summary>
    public long BusySince => Volatile.Read(ref _busySince);

    /// <summary>Records the outcome of one poll: a clock read only when the state changes.</summary>
    public void Polled(bool found)
    {
        var busy = _busySince != 0;
        if (found && !busy)
        {
            Volatile.Write(ref _busySince, time.GetTimestamp());
        }
        else if (!found && busy)
        {
            Volatile.Write(ref _busySince, 0);
        }
    }
}
