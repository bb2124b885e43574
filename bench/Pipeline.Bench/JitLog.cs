using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Pipeline.Bench;

/// <summary>
/// With <c>BENCH_JIT_LOG=1</c>: the methods the runtime compiles while a silo is measured, from the
/// runtime's own JIT events, to find code that a fresh silo compiles in spite of the warm-up.
/// </summary>
internal sealed class JitLog : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private readonly ConcurrentQueue<string> _methods = new();
    private volatile bool _recording;

    public static JitLog? StartIfRequested() =>
        Environment.GetEnvironmentVariable("BENCH_JIT_LOG") == "1" ? new JitLog() : null;

    public void Record(bool on) => _recording = on;

    /// <summary>Prints the methods compiled while recording.</summary>
    public void Print()
    {
        foreach (var method in _methods)
        {
            Console.WriteLine($"  jit: {method}");
        }

        _methods.Clear();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventName != "MethodJittingStarted_V1" || eventData.Payload is null)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        string Field(string name) => eventData.Payload[names.IndexOf(name)]?.ToString() ?? "";
        _methods.Enqueue($"{Field("MethodNamespace")}::{Field("MethodName")}");
    }
}
