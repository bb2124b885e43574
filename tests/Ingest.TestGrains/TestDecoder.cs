using System.Text;
using Ingest.Processing;

namespace Ingest.TestGrains;

/// <summary>Decodes <c>key|id|creditTarget</c>; anything else is rejected.</summary>
public sealed class TestDecoder : IRecordDecoder<CountEvent>
{
    public DecodeResult<CountEvent> Decode(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var parts = Encoding.UTF8.GetString(record.Value).Split('|');
        return parts.Length == 3
            ? DecodeResult<CountEvent>.Valid(parts[0], new CountEvent(parts[1], parts[2]))
            : DecodeResult<CountEvent>.Invalid($"expected key|id|target, got {parts.Length} fields");
    }
}
