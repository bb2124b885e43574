namespace Runtime.Diagnostics;

/// <summary>A single number per tag set: a running sum or the last value reported.</summary>
/// <remarks>
/// An instrument has one measurement type, so only one of the two fields is ever used; keeping
/// integers in a <see cref="long"/> lets counters add with a single wait-free Interlocked.Add and
/// stay exact beyond 2^53.
/// </remarks>
internal sealed class ScalarSeries(string labels) : MetricSeries(labels)
{
    private long _longValue;
    private double _doubleValue;

    public long LongValue => Interlocked.Read(ref _longValue);

    public double DoubleValue => Volatile.Read(ref _doubleValue);

    public void Add(long value) => Interlocked.Add(ref _longValue, value);

    public void Add(double value) => AtomicDouble.Add(ref _doubleValue, value);

    public void Set(long value) => Interlocked.Exchange(ref _longValue, value);

    public void Set(double value) => Interlocked.Exchange(ref _doubleValue, value);
}
