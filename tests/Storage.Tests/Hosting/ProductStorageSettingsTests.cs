using Microsoft.Extensions.Configuration;
using Storage.Hosting;

namespace Storage.Tests.Hosting;

public sealed class ProductStorageSettingsTests
{
    [Fact]
    public void From_NothingSet_GroupCommitOnDefaultSqliteFile()
    {
        var settings = ProductStorageSettings.From(Configuration());

        Assert.Equal(ProductStorageProvider.GroupCommit, settings.Provider);
        Assert.Equal(StorageDatabase.Sqlite, settings.Database);
        Assert.Contains(ProductStorageSettings.DefaultSqlitePath, settings.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void From_PostgresConnectionString_PostgreSql()
    {
        var settings = ProductStorageSettings.From(Configuration(("ConnectionStrings:Postgres", "Host=db"), ("Storage:SqlitePath", "ignored.db")));

        Assert.Equal(StorageDatabase.PostgreSql, settings.Database);
        Assert.Equal("Host=db", settings.ConnectionString);
    }

    [Fact]
    public void From_AdoNetProviderAnyCase_StockProvider()
    {
        var settings = ProductStorageSettings.From(Configuration(("Storage:Provider", "adonet"), ("Storage:SqlitePath", "/tmp/x.db")));

        Assert.Equal(ProductStorageProvider.AdoNet, settings.Provider);
        Assert.Contains("/tmp/x.db", settings.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void From_UnknownProvider_ThrowsNamingKeyValueAndRule()
    {
        var failure = Assert.Throws<ArgumentException>(() => ProductStorageSettings.From(Configuration(("Storage:Provider", "Redis"))));

        Assert.Contains("Storage:Provider is 'Redis': it must be one of GroupCommit, AdoNet.", failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();
}
