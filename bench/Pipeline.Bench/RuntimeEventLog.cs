using System.Diagnostics.Tracing;

namespace Pipeline.Bench;

/// <summary>Listens to the .NET runtime's own events of some keywords, and passes them on only while a measured window records.</summary>
internal abstract class RuntimeEventLog : EventListener
{
    private volatile bool _recording;

    /// <summary>A constant: the base constructor already enables the runtime's event source with it.</summary>
    protected abstract EventKeywords Keywords { get; }

    public void Record(bool on) => _recording = on;

    protected sealed override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, Keywords);
        }
    }

    protected sealed override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_recording && eventData.EventName is { } name && eventData.Payload is not null)
        {
            OnRecorded(name, eventData);
        }
    }

    /// <summary>An event written while recording, with its name and payload.</summary>
    protected abstract void OnRecorded(string name, EventWrittenEventArgs eventData);

    protected static string Field(EventWrittenEventArgs eventData, string name)
    {
        var index = eventData.PayloadNames?.IndexOf(name) ?? -1;
        return index >= 0 ? eventData.Payload![index]?.ToString() ?? "" : "";
    }
}
