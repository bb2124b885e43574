using System.Text;
using System.Text.Json;
using Runtime.Diagnostics;
using Runtime.Log;
using Runtime.Processing;

namespace Runtime.Activation;

/// <summary>Dead-lettering: a record that cannot be applied is parked with its reason and the partition keeps flowing.</summary>
internal sealed partial class PartitionProcessor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private void SendToDeadLetters(LogRecord record, string reason)
    {
        var text = TryUtf8(record.Value);
        var letter = new DeadLetter(
            reason,
            record.Topic,
            record.Partition,
            record.Offset,
            record.Key is null ? null : Encoding.UTF8.GetString(record.Key),
            text,
            text is null ? Convert.ToBase64String(record.Value) : null,
            _services.Time.GetUtcNow());
        var value = JsonSerializer.SerializeToUtf8Bytes(letter, RuntimeJsonContext.Default.DeadLetter);

        // The dead-letter topic may have fewer partitions; keeping the source partition when possible keeps letters in order.
        ProduceDerived(_services.Topics.DeadLetters, record.Partition % _services.DeadLetterPartitions, record.Key, value);
        _services.Instruments.DeadLetters.Add(1);
        RuntimeLog.DeadLettered(_services.Logger, record.Topic, record.Partition, record.Offset, reason);
    }

    private static string? TryUtf8(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
