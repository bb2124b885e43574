namespace Ingest.Processing;

/// <summary>Where rejected records go. Returns once they are durable: the batch commits after it.</summary>
public interface IDeadLetterSink
{
    Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken);
}
