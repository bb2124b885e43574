namespace Ingest.Grains;

/// <summary>
/// A grain that receives outbox messages. A delivery can repeat (a crash between delivery and
/// delete): the grain drops sequences at or below its mark for the source (see <see cref="SequenceMarks"/>).
/// </summary>
[Alias("Ingest.IOutboxTargetGrain")]
public interface IOutboxTargetGrain : IGrainWithStringKey
{
    [Alias("Receive")]
    Task ReceiveAsync([Immutable] OutboxDelivery delivery);
}
