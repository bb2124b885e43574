using System.Text;
using Ingest.Processing;
using TestInfrastructure;

namespace Ingest.Tests.Support;

/// <summary>A test's events over a few unique keys and credit targets, with what each grain must end up holding.</summary>
public sealed class TestEvents
{
    public TestEvents(int count, int keys = 7, int targets = 3)
    {
        var prefix = RealServices.UniqueName("k");
        Keys = [.. Enumerable.Range(0, keys).Select(i => $"{prefix}-{i}")];
        Targets = [.. Enumerable.Range(0, targets).Select(i => $"{prefix}-credits-{i}")];
        Events = [.. Enumerable.Range(0, count).Select(i => (Key: Keys[i % keys], Id: $"{prefix}-e{i}", Target: Targets[i % targets]))];
    }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Targets { get; }

    public IReadOnlyList<(string Key, string Id, string Target)> Events { get; }

    public static byte[] Encode((string Key, string Id, string Target) e) => Encoding.UTF8.GetBytes($"{e.Key}|{e.Id}|{e.Target}");

    /// <summary>The events as consecutive records of one partition starting at offset 0.</summary>
    public IReadOnlyList<SourceRecord> Records() =>
        [.. Events.Select((e, offset) => new SourceRecord(offset, Encoding.UTF8.GetBytes(e.Key), Encode(e)))];
}
