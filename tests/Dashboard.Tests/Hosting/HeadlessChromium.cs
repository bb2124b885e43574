using Microsoft.Playwright;

namespace Dashboard.Tests.Hosting;

/// <summary>
/// Debian's chromium, headless, driven by Playwright. Playwright's own browser download is never
/// used (the machine has no network for it): the driver, with the node it ships in its package,
/// launches /usr/bin/chromium on a fresh profile (its --user-data-dir, passed by Playwright), with every background service that would reach
/// out to the network switched off.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<HeadlessChromium> LaunchAsync(int width = 1280, int height = 900)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium); scripts/test does this itself.");
        }

        var profile = Directory.CreateTempSubdirectory("dashboard-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new HeadlessChromium(playwright, context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // The browser may still hold a lock file for a moment; the temp folder is cleaned eventually.
        }
    }
}
