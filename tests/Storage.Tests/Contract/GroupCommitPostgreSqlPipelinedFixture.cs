using Storage.GroupCommit;

namespace Storage.Tests.Contract;

/// <summary>Small groups with several in flight at once: the contract must hold with groups overlapping.</summary>
public sealed class GroupCommitPostgreSqlPipelinedFixture : StorageProviderFixture
{
    protected override StorageDatabase Database => StorageDatabase.PostgreSql;

    protected override bool UsesGroupCommit => true;

    protected override void Tune(GroupCommitStorageOptions options)
    {
        options.MaxConcurrentGroups = 4;
        options.MaxGroupSize = 16;
    }
}
