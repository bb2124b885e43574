using System.Net;
using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;
using TestInfrastructure;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class DecideApiTests(ApiHostFixture fixture)
{
    [Theory]
    [InlineData("""{"experiments":["x"]}""", "userId")]
    [InlineData("""{"userId":"has space"}""", "userId")]
    [InlineData("""{"userId":"u1","experiments":["ok","bad id"]}""", "experiments[1]")]
    [InlineData("""{"userId":"u1","context":{"bad key":"v"}}""", "context.bad key")]
    [InlineData("""{"userId":"u1","experiments":"x"}""", "experiments")]
    [InlineData("""not json""", "body")]
    [InlineData("""{"userId":"u1"} {"userId":"u2"}""", "body")]
    [InlineData("""{"userId":"u1",""", "body")]
    public async Task Decide_InvalidRequest_Answers400NamingField(string body, string field)
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/v1/decide", EventsApiTests.Json(body));

        await ProblemAssert.HasFieldErrorsAsync(response, [field], exact: true);
    }

    [Fact]
    public async Task Decide_UnknownExperiment_Answers404NamingIt()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/v1/decide", EventsApiTests.Json("""{"userId":"u1","experiments":["no-such-experiment"]}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-experiment", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_DefinedExperiment_AnswersHashDecisionWithConfig()
    {
        using var client = fixture.Host.Client();
        using var put = await client.PutAsync("/v1/experiments/decide-me", EventsApiTests.Json(ExperimentsApiTests.AbTest("decide-me")));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        HttpResponseMessage? response = null;
        await Eventually.TrueAsync(
            async () => (response = await client.PostAsync("/v1/decide", EventsApiTests.Json("""{"userId":"decider","experiments":["decide-me"]}"""))).StatusCode == HttpStatusCode.OK,
            ApiHost.Patience,
            "the definition reaches the decision cache");

        var decision = await response!.Content.ReadFromJsonAsync(GrainsJsonContext.Default.DecisionResponse);
        var only = Assert.Single(decision!.Decisions);
        Assert.Equal("decider", decision.UserId);
        Assert.Equal("hash", only.Reason);
        Assert.Equal(0.5, only.Propensity);
        Assert.True(only.Variant is "control" or "green", only.Variant);
        Assert.Equal(only.Variant == "green" ? "green" : "blue", only.Config!.Value.GetProperty("color").GetString());
        response.Dispose();
    }
}
