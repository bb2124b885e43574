namespace Pipeline.Bench;

/// <summary>
/// Reads the process counters every quarter second from the first applied event, so the events
/// applied in each quarter second can be set beside the CPU and the GC pauses spent in it.
/// </summary>
internal sealed class QuarterSecondSampler : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private readonly List<PipelineCounters> _samples = [];
    private Timer? _timer;

    /// <summary>Starts sampling once; later calls do nothing.</summary>
    public void Start(PipelineCounters first)
    {
        lock (_gate)
        {
            if (_timer is not null)
            {
                return;
            }

            _samples.Add(first);
            _timer = new Timer(_ => Sample(), null, Period, Period);
        }
    }

    /// <summary>CPU used (in cores) and GC pause (ms) in each quarter second sampled so far.</summary>
    public (double[] Cores, double[] GcPauseMs) PerQuarterSecond()
    {
        lock (_gate)
        {
            var cores = new double[Math.Max(0, _samples.Count - 1)];
            var pauses = new double[cores.Length];
            for (var i = 0; i < cores.Length; i++)
            {
                var used = _samples[i + 1] - _samples[i];
                cores[i] = used.Cpu / Period;
                pauses[i] = used.GcPause.TotalMilliseconds;
            }

            return (cores, pauses);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
        }
    }

    private void Sample()
    {
        var counters = PipelineCounters.Read();
        lock (_gate)
        {
            _samples.Add(counters);
        }
    }
}
