using System.Net;
using Dashboard.Tests.Hosting;
using Microsoft.Playwright;
using TestInfrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests;

/// <summary>Microsoft.Orleans.Dashboard beside the project's page, in a real silo process and a real headless Chromium.</summary>
public sealed class OrleansDashboardTests : IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };
    private readonly string _adminKey = "admin-" + Guid.NewGuid().ToString("N");
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        var cluster = RealServices.UniqueName("orleans-dash");
        _silo = SiloProcess.Start(
            new Dictionary<string, string?>
            {
                ["Kafka__BootstrapServers"] = null,
                ["ConnectionStrings__Postgres"] = null,
                ["Cluster__Name"] = cluster,
                ["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), cluster + ".db"),
                ["Api__Keys__ops__Key"] = _adminKey,
                ["Api__Keys__ops__Role"] = "admin",
            },
            "orleans-dashboard");
        using var http = new HttpClient();
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(_silo.Address, "/health/ready"));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            DashboardSilo.Patience,
            $"silo ready (log: {_silo.LogPath})");
    }

    [Fact]
    public async Task OrleansDashboard_WithoutAdminKey_IsRefused()
    {
        using var http = new HttpClient();
        using var anonymous = await http.GetAsync(new Uri(_silo.Address, "/orleans/DashboardCounters"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_silo.Address, "/orleans/DashboardCounters"));
        request.Headers.Add("X-Api-Key", _adminKey);
        using var admitted = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
    }

    [Fact]
    public async Task Pages_LinkToEachOther_AndTheOrleansPageReadsDataWithTheKeyEnteredOnce()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var watched = await WatchedPage.OpenAsync(browser, _silo.Address);
        var page = watched.Page;
        await page.GotoAsync(new Uri(_silo.Address, "/dashboard/").ToString());
        await page.Locator("#auth-key").FillAsync(_adminKey);
        await page.Locator("#auth-form button").ClickAsync();
        await Expect(page.Locator("#main")).ToBeVisibleAsync(Visible);

        // The Orleans page polls its counters; the first answer proves the key reached it as the session cookie.
        var counters = page.WaitForResponseAsync(response => response.Url.Contains("/orleans/DashboardCounters", StringComparison.Ordinal), new PageWaitForResponseOptions { Timeout = 60_000 });
        await page.Locator("#orleans-link").ClickAsync();
        Assert.Equal(200, (await counters).Status);
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        await watched.ScreenshotAsync("orleans-dashboard");

        await page.Locator("#product-dashboard-link").ClickAsync();
        await Expect(page.Locator("#main")).ToBeVisibleAsync(Visible);
        Assert.EndsWith("/dashboard/", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(watched.Problems, problem => problem.StartsWith("request failed", StringComparison.Ordinal));
    }

    public Task DisposeAsync()
    {
        _silo.Dispose();
        return Task.CompletedTask;
    }
}
