using System.Text;
using Grains.Events;
using Grains.Tests.Fakes;
using Runtime.Log;

namespace Grains.Tests.Events;

public sealed class InteractionEventDecoderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly InteractionEventDecoder _decoder = new(new FixedTimeProvider(Now));

    [Fact]
    public void Decode_CompleteEvent_ReturnsItKeyedByUser()
    {
        var result = Decode("""
            {"eventId":"e1","userId":"alice","type":"add_to_cart","timestamp":"2026-11-22T11:59:00Z",
             "sessionId":"s1","itemId":"i9","category":"shoes","value":12.5,"device":"ios","location":"FR",
             "properties":{"campaign":"x"}}
            """);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("alice", result.GrainKey);
        Assert.Equal("add_to_cart", result.Event!.Type);
        Assert.Equal(12.5, result.Event.Value);
        Assert.Equal("x", result.Event.Properties!["campaign"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 11, 59, 0, TimeSpan.Zero), result.Event.Timestamp);
    }

    [Fact]
    public void Decode_MissingRequiredFields_NamesEveryOne()
    {
        var result = Decode("""{"type":"click"}""");

        Assert.False(result.IsValid);
        Assert.Contains("eventId: is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("userId: is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("timestamp: is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_WrongType_NamesTheField()
    {
        var result = Decode("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:00:00Z","value":"lots"}""");

        Assert.False(result.IsValid);
        Assert.StartsWith("value:", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "the value:")]
    [InlineData("null", "JSON null")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"Click","timestamp":"2026-11-22T11:00:00Z"}""", "type: must be a lowercase identifier")]
    [InlineData("""{"eventId":"e1","userId":"u u","type":"click","timestamp":"2026-11-22T11:00:00Z"}""", "userId: may contain only")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T12:30:00Z"}""", "timestamp: is more than 5 minutes in the future")]
    public void Decode_InvalidInput_GivesReason(string json, string reason)
    {
        var result = Decode(json);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OversizedId_SaysHowLong()
    {
        var result = Decode($$"""{"eventId":"{{new string('e', 129)}}","userId":"u","type":"click","timestamp":"2026-11-22T11:00:00Z"}""");

        Assert.False(result.IsValid);
        Assert.Contains("eventId: is 129 characters long; at most 128 are allowed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TimestampWithinSkew_IsAccepted()
    {
        var result = Decode("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T12:04:59Z"}""");

        Assert.True(result.IsValid, result.Error);
    }

    private Runtime.Grains.DecodeResult<Interfaces.Events.InteractionEvent> Decode(string json) =>
        _decoder.Decode(new LogRecord("c.events", 0, 0, null, Encoding.UTF8.GetBytes(json)));
}
