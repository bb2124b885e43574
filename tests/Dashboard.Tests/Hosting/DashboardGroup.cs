namespace Dashboard.Tests.Hosting;

/// <summary>The test classes that share one <see cref="DashboardFixture"/>: starting a silo and a browser takes seconds.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardGroup : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
