using System.Net;
using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;
using TestInfrastructure;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class PlanningApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task SampleSize_TenPercentBaselineOnePointLift_MatchesPowerPropTest()
    {
        using var client = fixture.Host.Client();

        var plan = await client.GetFromJsonAsync("/v1/experiments/sample-size?baselineRate=0.1&minimumDetectableEffect=0.01", GrainsJsonContext.Default.SampleSizePlan);

        // R: power.prop.test(p1 = 0.1, p2 = 0.11, sig.level = 0.05, power = 0.8)$n = 14750.79
        Assert.Equal(14751, plan!.UsersPerVariant);
        Assert.Equal(14750.79, plan.ExactUsersPerVariant, 2);
    }

    [Fact]
    public async Task SampleSize_MissingAndOutOfRangeInputs_Answers400NamingThem()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync("/v1/experiments/sample-size?baselineRate=1.5&power=0.01&alpha=0.05");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAssert.HasFieldErrorsAsync(response, ["baselineRate", "minimumDetectableEffect", "power"]);
    }
}
