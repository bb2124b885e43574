namespace Storage.Tests.Contract;

public sealed class GroupCommitPostgreSqlFixture : StorageProviderFixture
{
    protected override StorageDatabase Database => StorageDatabase.PostgreSql;

    protected override bool UsesGroupCommit => true;
}
