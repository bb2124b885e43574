using System.Collections.Concurrent;
using Ingest.Processing;

namespace Ingest.Tests.Support;

public sealed class ListDeadLetterSink : IDeadLetterSink
{
    public ConcurrentQueue<DeadLetter> Letters { get; } = new();

    public Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        foreach (var letter in letters)
        {
            Letters.Enqueue(letter);
        }

        return Task.CompletedTask;
    }
}
