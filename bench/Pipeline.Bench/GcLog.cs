using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Pipeline.Bench;

/// <summary>
/// With <c>BENCH_GC_LOG=1</c>: every collection while the silo is measured, from the runtime's GC
/// events: its generation and reason, how long threads were stopped (and how much of that was
/// suspending them), and what it promoted, so a pause can be traced to what survived.
/// </summary>
internal sealed class GcLog : RuntimeEventLog
{
    private readonly ConcurrentQueue<string> _lines = new();
    private DateTime _suspendBegin;
    private DateTime _suspendEnd;
    private string _start = "";

    public static GcLog? StartIfRequested() =>
        Environment.GetEnvironmentVariable("BENCH_GC_LOG") == "1" ? new GcLog() : null;

    protected override EventKeywords Keywords => (EventKeywords)0x1;

    /// <summary>Prints the collections recorded since the last call.</summary>
    public void Print()
    {
        while (_lines.TryDequeue(out var line))
        {
            Console.WriteLine(line);
        }
    }

    protected override void OnRecorded(string name, EventWrittenEventArgs eventData)
    {
        switch (name)
        {
            case "GCSuspendEEBegin_V1":
                _suspendBegin = eventData.TimeStamp;
                break;
            case "GCSuspendEEEnd_V1":
                _suspendEnd = eventData.TimeStamp;
                break;
            case "GCStart_V2":
                _start = $"gen {Field(eventData, "Depth")} ({Field(eventData, "Reason")})";
                break;
            case "GCHeapStats_V2":
                _lines.Enqueue(string.Create(CultureInfo.InvariantCulture,
                    $"  gc: {_start}, promoted {Mb(eventData, "TotalPromotedSize0")} MB from gen 0 and {Mb(eventData, "TotalPromotedSize1")} MB from gen 1; "
                    + $"gen 0 {Mb(eventData, "GenerationSize0")} MB, gen 1 {Mb(eventData, "GenerationSize1")} MB, gen 2 {Mb(eventData, "GenerationSize2")} MB"));
                break;
            case "GCRestartEEEnd_V1":
                _lines.Enqueue(string.Create(CultureInfo.InvariantCulture,
                    $"  gc: threads stopped {(eventData.TimeStamp - _suspendBegin).TotalMilliseconds:F1} ms, {(_suspendEnd - _suspendBegin).TotalMilliseconds:F1} ms of it to suspend them"));
                break;
        }
    }

    private static string Mb(EventWrittenEventArgs eventData, string field) =>
        (double.Parse(Field(eventData, field), CultureInfo.InvariantCulture) / (1 << 20)).ToString("F1", CultureInfo.InvariantCulture);
}
