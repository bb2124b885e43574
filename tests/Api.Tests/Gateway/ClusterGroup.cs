namespace Api.Tests.Gateway;

/// <summary>The gateway and client tests share one two-silo cluster with its gateway.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterGroup : ICollectionFixture<ClusterFixture>
{
    public const string Name = "two silos and a gateway";
}
