using Microsoft.Playwright;

namespace Dashboard.Tests.Hosting;

/// <summary>A browser page that records console errors, uncaught exceptions and every request that leaves the silo's origin.</summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly List<string> _problems = [];
    private readonly Lock _lock = new();

    private WatchedPage(IPage page) => Page = page;

    public IPage Page { get; }

    /// <summary>Console errors and warnings, page errors, failed requests and requests to another origin, in order.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_lock)
            {
                return [.. _problems];
            }
        }
    }

    public static async Task<WatchedPage> OpenAsync(HeadlessChromium browser, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var watched = new WatchedPage(await browser.Context.NewPageAsync());
        var page = watched.Page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                watched.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => watched.Add($"page error: {error}");
        page.RequestFailed += (_, request) => watched.Add($"request failed: {request.Url} {request.Failure}");
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme != "data" && (url.Host != origin.Host || url.Port != origin.Port))
            {
                watched.Add($"request outside the silo: {request.Url}");
            }
        };
        return watched;
    }

    /// <summary>Saves a full-page screenshot under artifacts/test-results/dashboard, which CI keeps.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Path.Combine(TestInfrastructure.RealServices.RepositoryRoot(), "artifacts", "test-results", "dashboard");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await Page.CloseAsync();

    private void Add(string problem)
    {
        lock (_lock)
        {
            _problems.Add(problem);
        }
    }
}
