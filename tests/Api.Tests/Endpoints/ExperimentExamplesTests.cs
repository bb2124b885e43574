using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Api.Endpoints;
using Api.Tests.Hosting;
using Grains.Interfaces;

namespace Api.Tests.Endpoints;

/// <summary>The PUT examples of the README and the OpenAPI document are the bodies that work.</summary>
[Collection(EmbeddedSiloGroup.Name)]
public sealed partial class ExperimentExamplesTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task Put_ReadmeExample_IsTheOpenApiExampleAndIsAccepted()
    {
        using var client = fixture.Host.Client();
        var readme = ReadmeExample();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var example = document["paths"]!["/v1/experiments/{id}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["example"];

        using var put = await client.PutAsync("/v1/experiments/checkout-button", EventsApiTests.Json(readme.ToJsonString()));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ExperimentExamples.CheckoutButton), example), $"OpenAPI example: {example?.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(readme, example), $"README example: {readme.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = await put.Content.ReadFromJsonAsync(GrainsJsonContext.Default.ExperimentDefinition);
        Assert.Equal("checkout-button", stored!.Id);
        Assert.Equal(["control", "green"], stored.Variants.Select(v => v.Name));
    }

    [Fact]
    public async Task Put_BodyWithoutId_TakesTheIdFromThePath()
    {
        using var client = fixture.Host.Client();

        using var put = await client.PutAsync("/v1/experiments/from-path", EventsApiTests.Json(ExperimentExamples.CheckoutButton));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("from-path", (await put.Content.ReadFromJsonAsync(GrainsJsonContext.Default.ExperimentDefinition))!.Id);
        var read = await client.GetFromJsonAsync("/v1/experiments/from-path", GrainsJsonContext.Default.ExperimentDefinition);
        Assert.Equal("from-path", read!.Id);
    }

    [Fact]
    public async Task Put_BodyIdDiffersFromPath_Answers400NamingIdAndStoresNothing()
    {
        using var client = fixture.Host.Client();

        using var put = await client.PutAsync("/v1/experiments/path-wins", EventsApiTests.Json(ExperimentsApiTests.AbTest("body-loses")));

        var errors = await ProblemAssert.HasFieldErrorsAsync(put, ["id"], exact: true);
        Assert.Single(errors);
        using var read = await client.GetAsync("/v1/experiments/path-wins");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
    }

    /// <summary>The body of the README's <c>curl -X PUT …/v1/experiments/checkout-button</c>.</summary>
    private static JsonNode ReadmeExample()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "README.md")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var readme = File.ReadAllText(Path.Combine(directory.FullName, "README.md"));
        var match = PutExample().Match(readme);
        Assert.True(match.Success, "the README shows a PUT of checkout-button with a -d body");
        return JsonNode.Parse(match.Groups["body"].Value)!;
    }

    [GeneratedRegex(@"curl -X PUT \S+/v1/experiments/checkout-button[^\n]*-d '(?<body>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex PutExample();
}
