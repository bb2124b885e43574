namespace Storage.Tests.Contract;

public sealed class AdoNetSqliteFixture : StorageProviderFixture
{
    protected override StorageDatabase Database => StorageDatabase.Sqlite;

    protected override bool UsesGroupCommit => false;
}
