using System.Text.Json;
using Runtime.Grains;
using Runtime.Log;

namespace Runtime.Tests.TestGrains;

public sealed class CounterEventDecoder : IRecordDecoder<CounterEvent>
{
    public DecodeResult<CounterEvent> Decode(LogRecord record)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize(record.Value, TestGrainsJsonContext.Default.CounterEvent);
            return decoded is null || string.IsNullOrEmpty(decoded.Key)
                ? DecodeResult<CounterEvent>.Invalid("key: is required")
                : DecodeResult<CounterEvent>.Valid(decoded.Key, decoded);
        }
        catch (JsonException exception)
        {
            return DecodeResult<CounterEvent>.Invalid("not JSON: " + exception.Message);
        }
    }
}
