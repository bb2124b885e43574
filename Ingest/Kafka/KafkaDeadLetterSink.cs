using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Ingest.Processing;
using Microsoft.Extensions.Options;

namespace Ingest.Kafka;

/// <summary>
/// Produces rejected records to <c>&lt;cluster&gt;.dead-letters</c> as JSON (Kafka 0.9 has no
/// headers, so reason and origin travel in the value), keyed like the original record.
/// </summary>
internal sealed class KafkaDeadLetterSink : IDeadLetterSink, IDisposable
{
    private readonly Lazy<IProducer<byte[]?, byte[]>> _producer;
    private readonly string _topic;

    public KafkaDeadLetterSink(IOptions<KafkaOptions> kafka, IOptions<IngestOptions> ingest)
    {
        _topic = ingest.Value.DeadLetterTopic;
        _producer = new Lazy<IProducer<byte[]?, byte[]>>(() => new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfig.Producer(kafka.Value)).Build());
    }

    public async Task SendAsync(IReadOnlyList<DeadLetter> letters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var sends = letters.Select(letter => _producer.Value.ProduceAsync(
            _topic,
            new Message<byte[]?, byte[]>
            {
                Key = letter.Key is null ? null : Encoding.UTF8.GetBytes(letter.Key),
                Value = JsonSerializer.SerializeToUtf8Bytes(letter, IngestJsonContext.Default.DeadLetter),
            },
            cancellationToken));
        await Task.WhenAll(sends);
    }

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Flush(TimeSpan.FromSeconds(5));
            _producer.Value.Dispose();
        }
    }
}
