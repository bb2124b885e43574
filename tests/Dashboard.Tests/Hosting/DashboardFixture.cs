using System.Text.Json;
using Grains.Decisions;
using Grains.Interfaces.Decisions;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using TestInfrastructure;

namespace Dashboard.Tests.Hosting;

/// <summary>
/// One silo with admin and service keys, a running experiment with some traffic and conversions,
/// and a headless Chromium, shared by the dashboard's browser and endpoint tests.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ExperimentId = "checkout";
    public const int SeededUsers = 120;

    public string AdminKey { get; } = "admin-" + Guid.NewGuid().ToString("N");

    public string ServiceKey { get; } = "service-" + Guid.NewGuid().ToString("N");

    public DashboardSilo Silo { get; private set; } = null!;

    public HeadlessChromium Browser { get; private set; } = null!;

    public Uri DashboardUri => new(Silo.Address, "/dashboard/");

    public static ExperimentDefinition AbTest(string id) => new()
    {
        Id = id,
        Type = ExperimentTypes.Ab,
        Variants =
        [
            new VariantDefinition { Name = "control", Weight = 0.5, Config = JsonDocument.Parse("""{"color":"blue"}""").RootElement },
            new VariantDefinition { Name = "green", Weight = 0.5, Config = JsonDocument.Parse("""{"color":"green"}""").RootElement },
        ],
        RewardEventType = "conversion",
        AttributionWindowSeconds = 3600,
    };

    public async Task InitializeAsync()
    {
        Silo = await DashboardSilo.StartAsync(RealServices.UniqueName("dash"), new Dictionary<string, string?>
        {
            ["Api:Keys:ops:Key"] = AdminKey,
            ["Api:Keys:ops:Role"] = "admin",
            ["Api:Keys:orders:Key"] = ServiceKey,
            ["Api:Keys:orders:Role"] = "service",
        });
        await DefineAsync(ExperimentId);
        await DecideAsync(ExperimentId, Enumerable.Range(0, SeededUsers).Select(i => $"seed-user-{i}"));
        var now = DateTimeOffset.UtcNow;
        await Silo.ProduceAsync(Enumerable.Range(0, SeededUsers).Where(i => i % 4 == 0)
            .Select(i => new InteractionEvent { EventId = $"conv-{i}", UserId = $"seed-user-{i}", Type = "conversion", Timestamp = now }));
        await Eventually.TrueAsync(() => Exposures(ExperimentId) == SeededUsers, DashboardSilo.Patience, "seeded exposures in the snapshot");
        Browser = await HeadlessChromium.LaunchAsync();
    }

    public async Task DefineAsync(string id)
    {
        await Silo.Grains.GetGrain<IExperimentGrain>(id).DefineAsync(AbTest(id));
        await Eventually.TrueAsync(() => Silo.Get<ExperimentCatalog>().TryGet(id, out _), DashboardSilo.Patience, $"definition of {id} cached");
    }

    public async Task DecideAsync(string id, IEnumerable<string> users)
    {
        var decisions = Silo.Get<DecisionService>();
        foreach (var user in users)
        {
            var (response, unknown) = await decisions.DecideAsync(new DecisionRequest { UserId = user, Experiments = [id] });
            Assert.Empty(unknown);
            Assert.Single(response!.Decisions);
        }
    }

    /// <summary>The experiment's exposures as this silo's cached snapshot holds them.</summary>
    public long Exposures(string id) =>
        Silo.Get<ExperimentCatalog>().All().FirstOrDefault(s => s.Definition.Id == id)?.Exposures.Sum() ?? -1;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
    }
}
