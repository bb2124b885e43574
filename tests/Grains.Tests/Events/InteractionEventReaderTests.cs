using System.Text;
using System.Text.Json;
using Grains.Events;
using Grains.Interfaces;

namespace Grains.Tests.Events;

public sealed class InteractionEventReaderTests
{
    [Theory]
    [InlineData("""{"eventId":"e1","userId":"alice","type":"click","timestamp":"2026-11-22T11:59:00Z"}""")]
    [InlineData("""
        {"eventId":"e1","userId":"alice","type":"add_to_cart","timestamp":"2026-11-22T11:59:00.123+02:00",
         "sessionId":"s1","itemId":"i9","category":"shoes","value":12.5,"device":"ios","location":"FR",
         "properties":{"campaign":"x","empty":""}}
        """)]
    [InlineData("""{"timestamp":"2026-11-22T11:59:00Z","type":"view","userId":"béa","eventId":"e2","location":"Zürich 東京"}""")]
    [InlineData(" \r\n\t{ \"eventId\" : \"e1\" , \"userId\":\"u\",\"type\":\"click\",\"timestamp\":\"2026-11-22T11:59:00Z\" ,\"value\" : 0 } \n")]
    [InlineData("""{"eventId":"","userId":"u u","type":"Click","timestamp":"2099-01-01T00:00:00Z","value":-1e3}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","sessionId":null,"value":null,"properties":null}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","value":1e400}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","properties":{}}  """)]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","value":-0.5E+2}""")]
    [InlineData("""{"timestamp":"2026-11-22T11:59:00Z","type":"view","userId":"b\u00e9a","eventId":"e\"2"}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","properties":{"a\u0041":"1"}}""")]
    public void TryRead_UsualShape_BuildsWhatTheSerializerBuilds(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        var fast = InteractionEventReader.TryRead(bytes);

        var expected = JsonSerializer.Deserialize(bytes, GrainsJsonContext.Default.InteractionEvent);
        Assert.NotNull(fast);
        Assert.NotNull(expected);
        Assert.Equal(expected with { Properties = null }, fast with { Properties = null });
        Assert.Equal(expected.Properties, fast.Properties);
        Assert.Equal(expected.Timestamp.Offset, fast.Timestamp.Offset);
    }

    [Theory]
    [InlineData("""{"EventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z"}""")]
    [InlineData("""{"eventId":"e1","type":"click","timestamp":"2026-11-22T11:59:00Z"}""")]
    [InlineData("""{"eventId":"e1","eventId":"e2","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z"}""")]
    [InlineData("""{"eventId":null,"userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z"}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","value":"12.5"}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"yesterday"}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","extra":1}""")]
    [InlineData("""{"event\u0049d":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z"}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","properties":{"a":"1","a":"2"}}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","properties":{"a":1}}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z"} {}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z",}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click", /* c */ "timestamp":"2026-11-22T11:59:00Z"}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z" """)]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","value":012}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","value":1.}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","value":NaN}""")]
    [InlineData("""{"eventId":"e1","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z","device":nullx}""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{not json")]
    public void TryRead_UnusualShapeOrInvalidJson_LeavesItToTheSerializer(string json)
    {
        var fast = InteractionEventReader.TryRead(Encoding.UTF8.GetBytes(json));

        Assert.Null(fast);
    }

    [Fact]
    public void TryRead_InvalidUtf8InAString_LeavesItToTheSerializer()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"eventId":"e#","userId":"u","type":"click","timestamp":"2026-11-22T11:59:00Z"}""");
        bytes[13] = 0xFF;

        var fast = InteractionEventReader.TryRead(bytes);

        Assert.Null(fast);
    }

    [Fact]
    public void TryRead_RandomlyMutatedInput_AcceptsOnlyWhatTheSerializerReadsTheSameWay()
    {
        var random = new Random(20261122);
        byte[][] seeds =
        [
            Encoding.UTF8.GetBytes("""{"eventId":"e1","userId":"u1","type":"view","timestamp":"2026-11-22T11:59:00Z","itemId":"i1","value":12.5}"""),
            Encoding.UTF8.GetBytes("""{"eventId":"e2","userId":"u2","type":"click","timestamp":"2026-11-22T11:59:00+01:00","properties":{"k":"v","l":""},"device":null}"""),
        ];
        var alphabet = Encoding.UTF8.GetBytes("{}[]\":,\\ \t\n0123456789-+.eEnulx").Concat(new byte[] { 0x01, 0x7F, 0xC3, 0xA9, 0xFF }).ToArray();
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = Mutate(seeds[i % seeds.Length], alphabet, random);

            var fast = InteractionEventReader.TryRead(bytes);

            if (fast is null)
            {
                continue;
            }

            accepted++;
            var expected = JsonSerializer.Deserialize(bytes, GrainsJsonContext.Default.InteractionEvent);
            Assert.NotNull(expected);
            Assert.Equal(expected with { Properties = null }, fast with { Properties = null });
            Assert.Equal(expected.Properties, fast.Properties);
            Assert.Equal(expected.Timestamp.Offset, fast.Timestamp.Offset);
        }

        // The mutations must also produce inputs the fast path takes, or the test proves nothing.
        Assert.InRange(accepted, 500, 19_000);
    }

    /// <summary>One to three random edits: a byte replaced, inserted or removed.</summary>
    private static byte[] Mutate(byte[] seed, byte[] alphabet, Random random)
    {
        var bytes = seed.ToList();
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            var with = alphabet[random.Next(alphabet.Length)];
            switch (random.Next(3))
            {
                case 0:
                    bytes[at] = with;
                    break;
                case 1:
                    bytes.Insert(at, with);
                    break;
                default:
                    bytes.RemoveAt(at);
                    break;
            }
        }

        return [.. bytes];
    }
}
