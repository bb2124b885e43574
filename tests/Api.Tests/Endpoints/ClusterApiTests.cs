using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class ClusterApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task GetCluster_EmbeddedSilo_ListsItselfAsOwnerOfEveryPartition()
    {
        using var client = fixture.Host.Client();

        var cluster = await client.GetFromJsonAsync("/v1/cluster", GrainsJsonContext.Default.ClusterStatus);

        Assert.Equal("embedded", cluster!.Mode);
        Assert.Equal(8, cluster.PartitionCount);
        var silo = Assert.Single(cluster.Silos);
        Assert.Equal("active", silo.Status);
        Assert.Equal(8, cluster.Partitions.Count);
        Assert.All(cluster.Partitions, partition =>
        {
            Assert.Equal(silo.SiloId, partition.OwnerSiloId);
            Assert.Equal("running", partition.Status);
            Assert.NotNull(partition.Lag);
            Assert.NotNull(partition.ActivationsByType);
        });
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryEndpoint()
    {
        using var client = fixture.Host.Client();

        var document = await client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/v1/events", "/v1/users/{userId}/features", "/v1/users/{userId}", "/v1/experiments", "/v1/experiments/{id}", "/v1/experiments/{id}/stop", "/v1/experiments/{id}/results", "/v1/decide", "/v1/recommend", "/v1/trending", "/v1/cluster" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("\"X-Api-Key\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_Answers404AsProblem()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/v1/nothing-here");

        await ProblemAssert.IsProblemAsync(response, System.Net.HttpStatusCode.NotFound);
    }
}
