using Orleans.Storage;
using TestInfrastructure;

namespace Storage.Tests.Contract;

/// <summary>The shared contract plus what only a group-committing provider promises.</summary>
public abstract class GroupCommitContractTests<TFixture>(TFixture fixture) : GrainStorageContractTests<TFixture>(fixture)
    where TFixture : StorageProviderFixture
{
    [Fact]
    public async Task WriteStateAsync_OneGroupWithOneStaleETag_OnlyTheStaleWriteFails()
    {
        var storage = Fixture.GroupCommitStorage;
        var grains = Enumerable.Range(0, 8).Select(_ => NewGrain()).ToArray();
        var states = grains.Select(_ => Write(new ContractState { Number = 1 })).ToArray();
        for (var i = 0; i < grains.Length; i++)
        {
            await Storage.WriteStateAsync(StateName, grains[i], states[i]);
        }

        states[3].ETag = "999";
        var groupsBefore = storage.CommittedGroups;
        var rowsBefore = storage.CommittedRows;
        Task[] writes;
        using (storage.Queue.Hold())
        {
            writes = grains.Select((grain, i) =>
            {
                states[i].State!.Number = 2;
                return Storage.WriteStateAsync(StateName, grain, states[i]);
            }).ToArray();
        }

        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[3]);
        await Task.WhenAll(writes.Where((_, i) => i != 3));
        Assert.Equal(1, storage.CommittedGroups - groupsBefore);
        Assert.Equal(grains.Length, storage.CommittedRows - rowsBefore);
        for (var i = 0; i < grains.Length; i++)
        {
            Assert.Equal(i == 3 ? 1 : 2, (await ReadAsync(grains[i])).State!.Number);
        }
    }

    // Orleans' stock provider keys rows by the grain key alone, so there two grain types sharing a
    // key and a state name share a row; this provider keys by the full grain id.
    [Fact]
    public async Task WriteStateAsync_SameKeyAndStateNameUnderTwoGrainTypes_StaySeparate()
    {
        var key = RealServices.UniqueName("k");
        var first = GrainId.Create("contract-first", key);
        var second = GrainId.Create("contract-second", key);

        await Storage.WriteStateAsync(StateName, first, Write(new ContractState { Number = 1 }));
        await Storage.WriteStateAsync(StateName, second, Write(new ContractState { Number = 2 }));

        Assert.Equal(1, (await ReadAsync(first)).State!.Number);
        Assert.Equal(2, (await ReadAsync(second)).State!.Number);
    }

    [Fact]
    public async Task WriteStateAsync_ConcurrentWriters_ShareRoundTrips()
    {
        var storage = Fixture.GroupCommitStorage;
        var grains = Enumerable.Range(0, 64).Select(_ => NewGrain()).ToArray();
        var groupsBefore = storage.CommittedGroups;
        var rowsBefore = storage.CommittedRows;

        await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
        {
            var state = Write(new ContractState());
            for (var i = 0; i < 20; i++)
            {
                state.State!.Number = i;
                await Storage.WriteStateAsync(StateName, grain, state);
            }
        })));

        var rows = storage.CommittedRows - rowsBefore;
        var groups = storage.CommittedGroups - groupsBefore;
        Assert.Equal(64 * 20, rows);
        Assert.True(groups < rows / 2, $"{rows} writes took {groups} groups");
    }
}
