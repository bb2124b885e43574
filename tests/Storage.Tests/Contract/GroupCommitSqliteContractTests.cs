namespace Storage.Tests.Contract;

public sealed class GroupCommitSqliteContractTests(GroupCommitSqliteFixture fixture)
    : GroupCommitContractTests<GroupCommitSqliteFixture>(fixture);
