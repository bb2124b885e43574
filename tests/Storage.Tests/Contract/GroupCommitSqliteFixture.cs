namespace Storage.Tests.Contract;

public sealed class GroupCommitSqliteFixture : StorageProviderFixture
{
    protected override StorageDatabase Database => StorageDatabase.Sqlite;

    protected override bool UsesGroupCommit => true;
}
