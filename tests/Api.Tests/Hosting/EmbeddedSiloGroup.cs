namespace Api.Tests.Hosting;

/// <summary>The endpoint tests share one embedded silo and run one after another, so the two cores are not oversubscribed.</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedSiloGroup : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "embedded silo";
}
