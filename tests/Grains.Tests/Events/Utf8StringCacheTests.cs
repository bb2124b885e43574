using System.Text;
using System.Text.Json;
using Grains.Events;

namespace Grains.Tests.Events;

public sealed class Utf8StringCacheTests
{
    [Fact]
    public void GetString_SameValueTwice_ReturnsTheSameInstance()
    {
        var cache = new Utf8StringCache(16);

        var first = Read(cache, "\"electronics\"");
        var second = Read(cache, "\"electronics\"");

        Assert.Equal("electronics", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void GetString_ManyValuesSharingFewSlots_AlwaysReturnsTheRightValue()
    {
        var cache = new Utf8StringCache(2);
        var values = Enumerable.Range(0, 200).Select(i => $"item-{i}").ToList();

        var read = values.Concat(values).Select(value => Read(cache, JsonSerializer.Serialize(value))).ToList();

        Assert.Equal(values.Concat(values), read);
    }

    [Theory]
    [InlineData("\"caf\\u00e9\"", "café")]
    [InlineData("\"snow ☃\"", "snow ☃")]
    [InlineData("null", null)]
    public void GetString_EscapedUnicodeOrNull_MatchesTheReader(string json, string? expected)
    {
        var cache = new Utf8StringCache(16);

        Assert.Equal(expected, Read(cache, json));
        Assert.Equal(expected, Read(cache, json));
    }

    [Fact]
    public void GetString_LongValue_IsReadButNotKept()
    {
        var cache = new Utf8StringCache(16);
        var json = JsonSerializer.Serialize(new string('x', 100));

        var first = Read(cache, json);
        var second = Read(cache, json);

        Assert.Equal(new string('x', 100), second);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void GetString_BytesOfAnInvalidUtf8Value_ReturnsNullAndKeepsNothing()
    {
        var cache = new Utf8StringCache(1);
        byte[] invalid = [(byte)'c', 0xC3];

        Assert.Null(cache.GetString(invalid));
        Assert.Equal("cé", cache.GetString("cé"u8));
        Assert.Null(cache.GetString(invalid));
    }

    private static string? Read(Utf8StringCache cache, string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return cache.GetString(ref reader);
    }
}
