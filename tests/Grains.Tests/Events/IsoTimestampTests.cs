using System.Text;
using System.Text.Json;
using Grains.Events;

namespace Grains.Tests.Events;

public sealed class IsoTimestampTests
{
    [Theory]
    [InlineData("2026-11-22T11:59:00Z")]
    [InlineData("2026-11-23T02:30:55.4329604+00:00")]
    [InlineData("2026-11-23T02:30:55.43296049999+05:30")]
    [InlineData("2024-02-29T23:59:59.1-13:59")]
    [InlineData("0002-01-01T00:00:00+13:00")]
    [InlineData("9998-12-31T23:59:59.9999999-13:59")]
    public void TryParse_PlainForm_ReadsWhatTheSerializerReads(string text)
    {
        Assert.True(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out var parsed));

        var expected = JsonSerializer.Deserialize<DateTimeOffset>($"\"{text}\"");
        Assert.Equal(expected, parsed);
        Assert.Equal(expected.Offset, parsed.Offset);
    }

    [Theory]
    [InlineData("2026-11-22T11:59:00")]
    [InlineData("2026-11-22 11:59:00Z")]
    [InlineData("2026-11-22T11:59Z")]
    [InlineData("2026-02-30T11:59:00Z")]
    [InlineData("2026-11-22T24:00:00Z")]
    [InlineData("2026-11-22T11:59:00.Z")]
    [InlineData("2026-11-22T11:59:00+14:00")]
    [InlineData("2026-11-22T11:59:00+0100")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2026-11-22T11:59:00z")]
    [InlineData("2026-11-22T11:59:00Zjunk")]
    public void TryParse_OtherFormOrEdge_Declines(string text) =>
        Assert.False(IsoTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void TryParse_RandomTimestamps_AgreesWithTheSerializerWheneverItAccepts()
    {
        var random = new Random(20261123);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = RandomTimestamp(random);
            var bytes = Encoding.UTF8.GetBytes(text);

            if (!IsoTimestamp.TryParse(bytes, out var parsed))
            {
                continue;
            }

            accepted++;
            var expected = JsonSerializer.Deserialize<DateTimeOffset>($"\"{text}\"");
            Assert.Equal(expected, parsed);
            Assert.Equal(expected.Offset, parsed.Offset);
        }

        // Most random candidates are valid, or the comparison proves little.
        Assert.InRange(accepted, 10_000, 20_000);
    }

    private static string RandomTimestamp(Random random)
    {
        var fraction = random.Next(4) switch
        {
            0 => "",
            1 => "." + random.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            2 => "." + random.NextInt64(10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
            _ => "." + random.NextInt64(1_000_000_000_000).ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
        };
        var offset = random.Next(3) == 0 ? "Z" : $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(14):D2}:{random.Next(60):D2}";
        return $"{random.Next(1, 10_000):D4}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}T{random.Next(24):D2}:{random.Next(60):D2}:{random.Next(60):D2}{fraction}{offset}";
    }
}
