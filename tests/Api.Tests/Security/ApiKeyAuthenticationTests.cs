using System.Net;
using Api.Tests.Endpoints;
using Api.Tests.Hosting;

namespace Api.Tests.Security;

public sealed class ApiKeyAuthenticationTests(ApiKeyFixture fixture) : IClassFixture<ApiKeyFixture>
{
    [Theory]
    [InlineData("GET", "/v1/users/u1/features")]
    [InlineData("POST", "/v1/events")]
    [InlineData("POST", "/v1/decide")]
    [InlineData("POST", "/v1/recommend")]
    [InlineData("GET", "/v1/trending")]
    [InlineData("GET", "/v1/experiments")]
    [InlineData("GET", "/v1/cluster")]
    [InlineData("DELETE", "/v1/users/u1")]
    [InlineData("POST", "/_grains/user/u1/GetFeaturesAsync")]
    public async Task AnyEndpoint_NoKey_Answers401Problem(string method, string path)
    {
        using var client = fixture.Host.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = EventsApiTests.Json("[]") };

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_WrongKey_Answers401Problem()
    {
        using var client = fixture.Host.Client("not-a-configured-key-at-all");

        using var response = await client.GetAsync("/v1/users/u1/features");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not valid", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PUT", "/v1/experiments/e1")]
    [InlineData("GET", "/v1/experiments")]
    [InlineData("POST", "/v1/experiments/e1/stop")]
    [InlineData("GET", "/v1/experiments/e1/results")]
    [InlineData("GET", "/v1/cluster")]
    [InlineData("DELETE", "/v1/users/u1")]
    [InlineData("POST", "/_grains/user/u1/GetFeaturesAsync")]
    public async Task AdminEndpoint_ServiceKey_Answers403Problem(string method, string path)
    {
        using var client = fixture.Host.Client(ApiHost.ServiceKey);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = EventsApiTests.Json(ExperimentsApiTests.AbTest("e1")) };

        using var response = await client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Features_ServiceKeyInHeaderOrBearer_Answers200(bool bearer)
    {
        using var client = fixture.Host.Client(ApiHost.ServiceKey, bearer);

        using var response = await client.GetAsync("/v1/users/u1/features");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v1/cluster")]
    [InlineData("GET", "/v1/users/u1/features")]
    [InlineData("POST", "/_grains/user/u1/GetFeaturesAsync")]
    public async Task Endpoint_AdminKey_IsAllowed(string method, string path)
    {
        using var client = fixture.Host.Client(ApiHost.AdminKey);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = EventsApiTests.Json("[]") };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_NoKey_StaysOpenForProbes()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FailingEndpoint_InDevelopment_Answers500ProblemWithoutMessageOrStackTrace()
    {
        using var client = fixture.Host.Client(ApiHost.AdminKey);

        using var response = await client.GetAsync("/boom");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ApiKeyFixture.SecretMessage, body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }
}
