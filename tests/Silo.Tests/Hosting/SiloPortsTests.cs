using Microsoft.Extensions.Configuration;
using Silo.Hosting;

namespace Silo.Tests.Hosting;

public sealed class SiloPortsTests
{
    [Fact]
    public void Resolve_NoUrls_GivesOrleansDefaultsOfKestrelsDefaultPort()
    {
        Assert.Equal(new SiloPorts(11111, 30000), SiloPorts.Resolve(Configuration()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001", 11112, 30001)]
    [InlineData("http://*:5002;http://127.0.0.1:6000", 11113, 30002)]
    [InlineData("http://+:4999", 11110, 29999)]
    public void Resolve_HandPickedHttpPort_OffsetsBothPortsAlike(string urls, int silo, int gateway)
    {
        Assert.Equal(new SiloPorts(silo, gateway), SiloPorts.Resolve(Configuration(("urls", urls))));
    }

    [Fact]
    public void Resolve_HttpPortsSetting_IsUsedWithoutUrls()
    {
        Assert.Equal(new SiloPorts(11121, 30010), SiloPorts.Resolve(Configuration(("http_ports", "5010"))));
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://127.0.0.1:45123")]
    public void Resolve_DynamicOrEphemeralHttpPort_GivesDistinctFreePorts(string urls)
    {
        var first = SiloPorts.Resolve(Configuration(("urls", urls)));
        var second = SiloPorts.Resolve(Configuration(("urls", urls)));

        Assert.NotEqual(first.Silo, first.Gateway);
        Assert.Null(SiloPorts.Derive(SiloPorts.HttpPort(urls)));
        Assert.All(new[] { first.Silo, first.Gateway, second.Silo, second.Gateway }, port => Assert.InRange(port, 1, 65535));
    }

    [Fact]
    public void Resolve_OrleansEndpointKeys_WinOverDerivedPorts()
    {
        var ports = SiloPorts.Resolve(Configuration(("urls", "http://127.0.0.1:5001"), (SiloPorts.SiloPortKey, "21000"), (SiloPorts.GatewayPortKey, "31000")));

        Assert.Equal(new SiloPorts(21000, 31000), ports);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("gateway")]
    public void Resolve_InvalidPort_ThrowsNamingKeyValueAndRule(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloPorts.Resolve(Configuration((SiloPorts.GatewayPortKey, value))));

        Assert.Contains(SiloPorts.GatewayPortKey, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("from 1 to 65535", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value))).Build();
}
