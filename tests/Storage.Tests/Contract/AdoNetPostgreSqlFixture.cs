namespace Storage.Tests.Contract;

public sealed class AdoNetPostgreSqlFixture : StorageProviderFixture
{
    protected override StorageDatabase Database => StorageDatabase.PostgreSql;

    protected override bool UsesGroupCommit => false;
}
