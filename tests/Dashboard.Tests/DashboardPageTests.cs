using Dashboard.Tests.Hosting;
using Grains.Interfaces.Events;
using Microsoft.Playwright;
using TestInfrastructure;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Tests;

/// <summary>The page in a real headless Chromium against a real silo on Kafka and PostgreSQL.</summary>
[Collection(DashboardGroup.Name)]
public sealed class DashboardPageTests(DashboardFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToHaveTextOptions Text = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToContainTextOptions Contains = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToHaveCountOptions Count = new() { Timeout = 60_000 };

    [Fact]
    public async Task Page_AdminKeyEntered_ShowsSiloPartitionsAndExperimentWithoutConsoleErrors()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture.Browser, fixture.Silo.Address);
        var page = watched.Page;

        await OpenWithKeyAsync(page);

        var silo = page.Locator($"#silo-table tr[data-silo='{fixture.Silo.Runtime.Identity!.SiloId}']");
        await Expect(silo).ToBeVisibleAsync(Visible);
        await Expect(silo).ToContainTextAsync("ready", Contains);
        await Expect(silo).ToContainTextAsync(fixture.Silo.Runtime.Identity.Address, Contains);
        await Expect(page.Locator("#partition-table tbody tr")).ToHaveCountAsync(fixture.Silo.Runtime.PartitionCount, Count);
        var experiment = page.Locator($"#experiment-table tr[data-experiment='{DashboardFixture.ExperimentId}']");
        await Expect(experiment.Locator(".exposures")).ToHaveTextAsync(DashboardSilo.Invariant(DashboardFixture.SeededUsers), Text);
        var detail = page.Locator($"#experiment-detail[data-experiment='{DashboardFixture.ExperimentId}']");
        await Expect(detail.Locator("tr[data-variant]")).ToHaveCountAsync(2, Count);
        await Expect(detail.Locator("#chart-posterior svg circle")).ToHaveCountAsync(2, Count);
        await Expect(detail.Locator(".srm")).ToBeVisibleAsync(Visible);
        await Expect(page.Locator("#chart-rates svg path.series").First).ToBeVisibleAsync(Visible);
        await Expect(page.Locator("#live")).ToContainTextAsync("live", Contains);
        await watched.ScreenshotAsync("dashboard-wide");

        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Page_NewEventsAndDecisions_UpdateWithoutReload()
    {
        var experimentId = "live-" + Guid.NewGuid().ToString("N")[..8];
        const string userId = "live-viewer";
        await using var watched = await WatchedPage.OpenAsync(fixture.Browser, fixture.Silo.Address);
        var page = watched.Page;
        await OpenWithKeyAsync(page);
        await page.Locator("#user-id").FillAsync(userId);
        await page.Locator("#user-form button").ClickAsync();
        await Expect(page.Locator("#user-view .total-events")).ToHaveTextAsync("0", Text);
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");

        // A new experiment appears in the list, and its exposures and the user's events count up, on the open page.
        await fixture.DefineAsync(experimentId);
        var row = page.Locator($"#experiment-table tr[data-experiment='{experimentId}']");
        await Expect(row.Locator(".exposures")).ToHaveTextAsync("0", Text);
        await fixture.DecideAsync(experimentId, Enumerable.Range(0, 40).Select(i => $"live-user-{i}"));
        var now = DateTimeOffset.UtcNow;
        await fixture.Silo.ProduceAsync(Enumerable.Range(0, 25).Select(i =>
            new InteractionEvent { EventId = $"view-{i}", UserId = userId, Type = "view", Timestamp = now, ItemId = $"item-{i % 5}", Category = "shoes" }));

        await Expect(row.Locator(".exposures")).ToHaveTextAsync("40", Text);
        await Expect(page.Locator("#user-view .total-events")).ToHaveTextAsync("25", Text);
        await Expect(page.Locator("#user-view tr[data-type='view']")).ToContainTextAsync("25", Contains);
        await row.ClickAsync();
        var detail = page.Locator($"#experiment-detail[data-experiment='{experimentId}']");
        await Expect(detail.Locator("#chart-traffic svg path.series")).ToHaveCountAsync(2, Count);

        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page reloaded");
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Page_NarrowScreen_FitsWithoutHorizontalScroll()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture.Browser, fixture.Silo.Address);
        var page = watched.Page;
        await page.SetViewportSizeAsync(375, 812);
        await OpenWithKeyAsync(page);
        await Expect(page.Locator($"#experiment-detail[data-experiment='{DashboardFixture.ExperimentId}'] #chart-posterior svg")).ToBeVisibleAsync(Visible);
        await Expect(page.Locator("#chart-memory svg path.series").First).ToBeVisibleAsync(Visible);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await watched.ScreenshotAsync("dashboard-narrow");

        Assert.True(overflow <= 0, $"the page is {overflow}px wider than a 375px screen");
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Page_WithoutKey_AsksForOneAndShowsNoData()
    {
        await using var watched = await WatchedPage.OpenAsync(fixture.Browser, fixture.Silo.Address);
        var page = watched.Page;
        await page.GotoAsync(fixture.DashboardUri.ToString());

        await Expect(page.Locator("#auth-key")).ToBeVisibleAsync(Visible);
        await page.Locator("#auth-key").FillAsync(fixture.ServiceKey);
        await page.Locator("#auth-form button").ClickAsync();
        await Expect(page.Locator("#auth-reason")).ToContainTextAsync("admin", Contains);

        Assert.True(await page.Locator("#main").IsHiddenAsync());
        Assert.Empty(watched.Problems);
    }

    private async Task OpenWithKeyAsync(IPage page)
    {
        await page.GotoAsync(fixture.DashboardUri.ToString());
        await page.Locator("#auth-key").FillAsync(fixture.AdminKey);
        await page.Locator("#auth-form button").ClickAsync();
        await Expect(page.Locator("#main")).ToBeVisibleAsync(Visible);
    }
}
