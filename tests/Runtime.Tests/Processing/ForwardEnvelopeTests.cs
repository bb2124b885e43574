using System.Text;
using Runtime.Log;
using Runtime.Processing;

namespace Runtime.Tests.Processing;

public sealed class ForwardEnvelopeTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTripsSourceKeyAndValue()
    {
        var record = new LogRecord("c.events", 3, 12345678901, Encoding.UTF8.GetBytes("user-1"), Encoding.UTF8.GetBytes("{\"a\":1}"));

        var encoded = ForwardEnvelope.From(record).Encode();

        Assert.True(ForwardEnvelope.TryDecode(encoded, out var decoded));
        Assert.Equal(3, decoded.SourcePartition);
        Assert.Equal(12345678901, decoded.SourceOffset);
        Assert.Equal("user-1", Encoding.UTF8.GetString(decoded.Key!));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(decoded.Value));
        Assert.Equal("fwd:3", decoded.DedupeStream);
    }

    [Fact]
    public void Encode_NullKey_DecodesAsNull()
    {
        var encoded = new ForwardEnvelope(0, 1, null, [1, 2, 3]).Encode();

        Assert.True(ForwardEnvelope.TryDecode(encoded, out var decoded));
        Assert.Null(decoded.Key);
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.Value);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50 })]
    public void TryDecode_Garbage_ReturnsFalse(byte[] garbage)
    {
        Assert.False(ForwardEnvelope.TryDecode(garbage, out _));
    }
}
