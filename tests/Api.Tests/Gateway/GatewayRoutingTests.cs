using System.Text;
using Api.Gateway;
using Microsoft.AspNetCore.Http;

namespace Api.Tests.Gateway;

public sealed class GatewayRoutingTests
{
    [Theory]
    [InlineData("/v1/users/alice/features", "", "alice")]
    [InlineData("/v1/users/a%40b", "", "a@b")]
    [InlineData("/v1/experiments/checkout/results", "", "checkout")]
    [InlineData("/v1/decide", """{"context":{"userId":"nested"},"userId":"bob","experiments":["x"]}""", "bob")]
    [InlineData("/v1/recommend", """{"k":3,"userId":"carol"}""", "carol")]
    [InlineData("/v1/decide", """{"userId":5}""", null)]
    [InlineData("/v1/decide", """not json""", null)]
    [InlineData("/v1/events", """[{"userId":"dave"}]""", null)]
    [InlineData("/v1/experiments", "", null)]
    [InlineData("/v1/cluster", "", null)]
    public void KeyOf_Request_IsTheKeyItsOwnerIsFoundBy(string path, string body, string? key)
    {
        Assert.Equal(key, GatewayRouting.KeyOf(new PathString(path), Encoding.UTF8.GetBytes(body)));
    }
}
