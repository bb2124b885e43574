namespace Ingest.Tests.Support;

[CollectionDefinition(Name)]
public sealed class ClusterTests : ICollectionFixture<ClusterFixture>
{
    public const string Name = "orleans cluster";
}
