using Microsoft.Extensions.Options;
using Storage.GroupCommit;
using Storage.Hosting;
using TestInfrastructure;

namespace Storage.Tests.GroupCommit;

public sealed class GroupCommitStorageOptionsValidatorTests
{
    [Fact]
    public void Validate_BadValues_FailuresNameKeyValueAndRule()
    {
        var options = new GroupCommitStorageOptions { ConnectionString = " ", MaxGroupSize = 0, MaxConcurrentGroups = 65 };

        var result = new GroupCommitStorageOptionsValidator().Validate("x", options);

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString is ' ': it must not be empty.", result.Failures);
        Assert.Contains("Storage:MaxGroupSize is '0': it must be between 1 and 10000.", result.Failures);
        Assert.Contains("Storage:MaxConcurrentGroups is '65': it must be between 1 and 64.", result.Failures);
    }

    [Fact]
    public async Task StartAsync_InvalidMaxGroupSize_SiloDoesNotStart()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestSilo.StartAsync(
            RealServices.UniqueName("invalid"),
            silo => silo.AddGroupCommitGrainStorage("bad", options =>
            {
                options.ConnectionString = "Data Source=unused.db";
                options.Database = StorageDatabase.Sqlite;
                options.MaxGroupSize = 0;
            }),
            localhostClustering: true));

        Assert.Contains("Storage:MaxGroupSize is '0': it must be between 1 and 10000.", failure.Message, StringComparison.Ordinal);
    }
}
