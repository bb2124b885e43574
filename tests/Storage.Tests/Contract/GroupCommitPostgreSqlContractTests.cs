namespace Storage.Tests.Contract;

public sealed class GroupCommitPostgreSqlContractTests(GroupCommitPostgreSqlFixture fixture)
    : GroupCommitContractTests<GroupCommitPostgreSqlFixture>(fixture);
