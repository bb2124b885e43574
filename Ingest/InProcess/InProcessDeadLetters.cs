using System.Collections.Concurrent;
using Ingest.Processing;

namespace Ingest.InProcess;

/// <summary>Embedded mode's dead letters: the most recent ones, in memory (the processor logs each one too).</summary>
public sealed class InProcessDeadLetters : IDeadLetterSink
{
    private const int Kept = 1000;
    private readonly ConcurrentQueue<DeadLetter> _letters = new();

    public IReadOnlyList<DeadLetter> Recent => [.. _letters];

    public Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        foreach (var letter in letters)
        {
            _letters.Enqueue(letter);
        }

        while (_letters.Count > Kept && _letters.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }
}
