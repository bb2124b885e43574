namespace Storage.Tests.Contract;

public sealed class GroupCommitPostgreSqlPipelinedContractTests(GroupCommitPostgreSqlPipelinedFixture fixture)
    : GroupCommitContractTests<GroupCommitPostgreSqlPipelinedFixture>(fixture);
