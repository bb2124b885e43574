using System.Net;
using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class RecommendApiTests(ApiHostFixture fixture)
{
    [Theory]
    [InlineData("""{"k":3}""", "userId")]
    [InlineData("""{"userId":"u1","k":0}""", "k")]
    [InlineData("""{"userId":"u1","k":101}""", "k")]
    [InlineData("""{"userId":"u1","candidates":["i1","bad/id"]}""", "candidates[1]")]
    [InlineData("""{"userId":"u1","k":"three"}""", "k")]
    public async Task Recommend_InvalidRequest_Answers400NamingField(string body, string field)
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/v1/recommend", EventsApiTests.Json(body));

        await ProblemAssert.HasFieldErrorsAsync(response, [field], exact: true);
    }

    [Fact]
    public async Task Recommend_Candidates_AnswersAtMostKWithPropensities()
    {
        using var client = fixture.Host.Client();

        using var response = await client.PostAsync("/v1/recommend", EventsApiTests.Json("""{"userId":"reader","candidates":["a","b","c","d"]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ranked = await response.Content.ReadFromJsonAsync(GrainsJsonContext.Default.RecommendResponse);
        Assert.Equal(4, ranked!.Items.Count);
        Assert.All(ranked.Items, item => Assert.InRange(item.Propensity, 0.0, 1.0));
        Assert.False(string.IsNullOrEmpty(ranked.DecisionId));
    }
}
