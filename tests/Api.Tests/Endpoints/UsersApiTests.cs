using System.Net;
using System.Net.Http.Json;
using Api.Tests.Hosting;
using Grains.Interfaces;

namespace Api.Tests.Endpoints;

[Collection(EmbeddedSiloGroup.Name)]
public sealed class UsersApiTests(ApiHostFixture fixture)
{
    [Fact]
    public async Task GetFeatures_UserNeverSeen_Answers200WithZeroEvents()
    {
        using var client = fixture.Host.Client();

        var features = await client.GetFromJsonAsync("/v1/users/nobody-at-all/features", GrainsJsonContext.Default.UserFeatures);

        Assert.Equal(0, features!.TotalEvents);
        Assert.Equal("nobody-at-all", features.UserId);
    }

    [Theory]
    [InlineData("/v1/users/has%20space/features")]
    [InlineData("/v1/users/semi%3Bcolon/features")]
    public async Task GetFeatures_InvalidUserId_Answers400NamingUserId(string path)
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync(path);

        await ProblemAssert.HasFieldErrorsAsync(response, ["userId"], exact: true);
    }

    [Fact]
    public async Task GetFeatures_UserIdTooLong_Answers400NamingUserId()
    {
        using var client = fixture.Host.Client();

        using var response = await client.GetAsync($"/v1/users/{new string('u', 129)}/features");

        await ProblemAssert.HasFieldErrorsAsync(response, ["userId"], exact: true);
    }

    [Fact]
    public async Task Delete_InvalidUserId_Answers400()
    {
        using var client = fixture.Host.Client();

        using var response = await client.DeleteAsync("/v1/users/bad%21id");

        await ProblemAssert.HasFieldErrorsAsync(response, ["userId"], exact: true);
    }

    [Fact]
    public async Task Delete_KnownUser_Answers204AndForgetsIt()
    {
        using var client = fixture.Host.Client();
        var now = DateTimeOffset.UtcNow.ToString("O");
        using var posted = await client.PostAsync("/v1/events", EventsApiTests.Json($$"""[{"eventId":"d1","userId":"to-erase","type":"click","timestamp":"{{now}}"}]"""));
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await EventsApiTests.WaitForEventsAsync(client, "to-erase", 1);

        using var response = await client.DeleteAsync("/v1/users/to-erase");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync("/v1/users/to-erase/features", GrainsJsonContext.Default.UserFeatures))!.TotalEvents);
    }
}
