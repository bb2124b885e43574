using System.Net;
using Api.Security;
using Api.Tests.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Security;

public sealed class LoopbackGuardTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://10.1.2.3:5000", false)]
    [InlineData("http://silo1:8080", false)]
    public void IsLoopback_Address_ClassifiesIt(string address, bool loopback)
    {
        Assert.Equal(loopback, LoopbackGuard.IsLoopback(address));
    }

    [Fact]
    public void ConfiguredAddresses_UrlsPortsAndKestrelEndpoints_AreAllRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5000;http://0.0.0.0:5001",
            ["http_ports"] = "8080",
            ["Kestrel:Endpoints:main:Url"] = "http://10.0.0.1:9000",
        }).Build();

        var addresses = LoopbackGuard.ConfiguredAddresses(configuration).ToList();

        Assert.Equal(["http://127.0.0.1:5000", "http://0.0.0.0:5001", "http://*:8080", "http://10.0.0.1:9000"], addresses);
    }

    [Fact]
    public async Task Start_NoKeysOnAllInterfaces_RefusesToStart()
    {
        var (app, database, _) = ApiHost.Build(new Dictionary<string, string?> { ["urls"] = "http://0.0.0.0:0" });
        await using (app)
        {
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

            Assert.Contains("loopback only", failure.Message, StringComparison.Ordinal);
            Assert.Contains("http://0.0.0.0:0", failure.Message, StringComparison.Ordinal);
        }

        File.Delete(database);
    }

    [Fact]
    public void Build_KeysConfiguredInCodeNotInTheApiSection_RefusesToServeUnprotected()
    {
        // Authentication is registered only for keys in configuration: keys added any other way must not run unenforced.
        var failure = Assert.Throws<InvalidOperationException>(() => ApiHost.Build(configure: builder => builder.Services.Configure<ApiOptions>(
            options => options.Keys["ops"] = new ApiKeyDefinition { Key = ApiHost.AdminKey, Role = ApiRoles.Admin })));

        Assert.Contains("Api:Keys was empty when the API was added", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoKeysOnLoopback_WarnsThatItIsLoopbackOnly()
    {
        await using var host = await ApiHost.StartAsync();

        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Warning: No API keys are configured", StringComparison.Ordinal) && line.Contains("loopback only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_KeysOnAllInterfaces_ServesKeyedRequests()
    {
        var settings = ApiHost.WithKeys();
        settings["urls"] = "http://0.0.0.0:0";

        await using var host = await ApiHost.StartAsync(settings);
        using var client = new HttpClient { BaseAddress = new UriBuilder(host.Address) { Host = "127.0.0.1" }.Uri, Timeout = ApiHost.Patience };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiHost.ServiceKey);
        using var response = await client.GetAsync("/v1/users/u1/features");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("No API keys", StringComparison.Ordinal));
    }
}
