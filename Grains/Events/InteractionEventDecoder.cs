using System.Text.Json;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Runtime.Grains;
using Runtime.Log;

namespace Grains.Events;

/// <summary>Decodes and validates one record of the events topic: JSON <see cref="InteractionEvent"/>, keyed by user.</summary>
public sealed class InteractionEventDecoder(TimeProvider time) : IRecordDecoder<InteractionEvent>
{
    public DecodeResult<InteractionEvent> Decode(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // The serializer handles whatever the fast reader declines, so rejections keep its wording.
        var decoded = InteractionEventReader.TryRead(record.Value);
        try
        {
            decoded ??= JsonSerializer.Deserialize(record.Value, GrainsJsonContext.Default.InteractionEvent);
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "the value" : exception.Path.TrimStart('$', '.');
            return DecodeResult<InteractionEvent>.Invalid($"{where}: not a valid event JSON ({exception.Message.Split(" Path:")[0]})");
        }

        if (decoded is null)
        {
            return DecodeResult<InteractionEvent>.Invalid("the value: JSON null is not an event");
        }

        var errors = EventValidator.Validate(decoded, time.GetUtcNow());
        return errors.Count == 0
            ? DecodeResult<InteractionEvent>.Valid(decoded.UserId, decoded)
            : DecodeResult<InteractionEvent>.Invalid(string.Join("; ", errors));
    }
}
