using Orleans.Storage;
using TestInfrastructure;

namespace Storage.Tests.Contract;

/// <summary>
/// What every grain storage provider of the product must do, run against each provider. The stock
/// ADO.NET provider passing it too is what shows the cases themselves are right.
/// </summary>
public abstract class GrainStorageContractTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageProviderFixture
{
    protected const string StateName = "profile";

    protected IGrainStorage Storage { get; } = fixture.Storage;

    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task ReadStateAsync_MissingGrain_DefaultStateWithoutRecordOrETag()
    {
        var state = new GrainState<ContractState>(new ContractState { Number = 99 });

        await Storage.ReadStateAsync(StateName, NewGrain(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(0, state.State!.Number);
    }

    [Fact]
    public async Task WriteStateAsync_ThenRead_RoundTripsStateAndETag()
    {
        var grain = NewGrain();
        var written = Write(new ContractState { Text = "hello", Number = 7, Blob = [1, 2, 3] });

        await Storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.True(read.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("hello", read.State!.Text);
        Assert.Equal(7, read.State!.Number);
        Assert.Equal([1, 2, 3], read.State!.Blob);
    }

    [Fact]
    public async Task WriteStateAsync_Repeated_ETagChangesOnEachWrite()
    {
        var grain = NewGrain();
        var state = Write(new ContractState());
        var eTags = new List<string?>();

        for (var i = 0; i < 3; i++)
        {
            state.State!.Number = i;
            await Storage.WriteStateAsync(StateName, grain, state);
            eTags.Add(state.ETag);
        }

        Assert.Equal(3, eTags.Distinct().Count());
        Assert.Equal(eTags[^1], (await ReadAsync(grain)).ETag);
    }

    [Fact]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateAndKeepsStoredState()
    {
        var grain = NewGrain();
        var state = Write(new ContractState { Number = 1 });
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = Write(new ContractState { Number = 666 }, state.ETag);
        state.State!.Number = 2;
        await Storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));

        var read = await ReadAsync(grain);
        Assert.Equal(2, read.State!.Number);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_NoETagWhileRecordExists_ThrowsInconsistentState()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, Write(new ContractState { Number = 1 }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync(StateName, grain, Write(new ContractState { Number = 2 })));

        Assert.Equal(1, (await ReadAsync(grain)).State!.Number);
    }

    [Fact]
    public async Task ClearStateAsync_ThenRead_NoRecordAndDefaultState()
    {
        var grain = NewGrain();
        var state = Write(new ContractState { Number = 5 });
        await Storage.WriteStateAsync(StateName, grain, state);

        await Storage.ClearStateAsync(StateName, grain, state);
        var read = await ReadAsync(grain);

        Assert.False(state.RecordExists);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Number);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_StaleETag_ThrowsInconsistentStateAndKeepsState()
    {
        var grain = NewGrain();
        var state = Write(new ContractState { Number = 1 });
        await Storage.WriteStateAsync(StateName, grain, state);
        var stale = Write(new ContractState(), state.ETag);
        state.State!.Number = 2;
        await Storage.WriteStateAsync(StateName, grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(2, read.State!.Number);
    }

    [Fact]
    public async Task WriteStateAsync_AfterClear_StoresNewStateAndRejectsPreClearETag()
    {
        var grain = NewGrain();
        var state = Write(new ContractState { Number = 1 });
        await Storage.WriteStateAsync(StateName, grain, state);
        var preClear = Write(new ContractState { Number = 666 }, state.ETag);
        await Storage.ClearStateAsync(StateName, grain, state);

        state.State = new ContractState { Number = 3 };
        await Storage.WriteStateAsync(StateName, grain, state);

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(3, read.State!.Number);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, preClear));
    }

    [Fact]
    public async Task WriteStateAsync_SameKeyUnderTwoGrainTypesAndStateNames_StaySeparate()
    {
        var key = RealServices.UniqueName("k");
        var first = GrainId.Create("contract-first", key);
        var second = GrainId.Create("contract-second", key);

        await Storage.WriteStateAsync("first-state", first, Write(new ContractState { Number = 1 }));
        await Storage.WriteStateAsync("second-state", second, Write(new ContractState { Number = 2 }));

        Assert.Equal(1, (await ReadAsync(first, "first-state")).State!.Number);
        Assert.Equal(2, (await ReadAsync(second, "second-state")).State!.Number);
    }

    [Fact]
    public async Task WriteStateAsync_StatesOfOneKilobyteAndMore_RoundTrip()
    {
        foreach (var size in new[] { 1024, 16 * 1024 })
        {
            var grain = NewGrain();
            var blob = Enumerable.Range(0, size).Select(i => (byte)(i * 31)).ToArray();

            await Storage.WriteStateAsync(StateName, grain, Write(new ContractState { Blob = blob, Text = new string('x', size) }));

            var read = await ReadAsync(grain);
            Assert.Equal(blob, read.State!.Blob);
            Assert.Equal(size, read.State!.Text.Length);
        }
    }

    [Fact]
    public async Task WriteStateAsync_ManyConcurrentWriters_EveryWritePersistedWithFinalVersion()
    {
        const int Writers = 64;
        const int WritesEach = 10;
        var grains = Enumerable.Range(0, Writers).Select(_ => NewGrain()).ToArray();

        var finalETags = await Task.WhenAll(grains.Select(grain => Task.Run(async () =>
        {
            var state = Write(new ContractState());
            for (var i = 1; i <= WritesEach; i++)
            {
                state.State!.Number = i;
                await Storage.WriteStateAsync(StateName, grain, state);
            }

            return state.ETag;
        })));

        for (var i = 0; i < Writers; i++)
        {
            var read = await ReadAsync(grains[i]);
            Assert.Equal(WritesEach, read.State!.Number);
            Assert.Equal(finalETags[i], read.ETag);
            Assert.Equal(WritesEach.ToString(System.Globalization.CultureInfo.InvariantCulture), read.ETag);
        }
    }

    protected static GrainId NewGrain() => GrainId.Create("contract-grain", RealServices.UniqueName("g"));

    protected static GrainState<ContractState> Write(ContractState state, string? eTag = null) =>
        new(state) { ETag = eTag, RecordExists = eTag is not null };

    protected async Task<GrainState<ContractState>> ReadAsync(GrainId grain, string stateName = StateName)
    {
        var state = new GrainState<ContractState>(new ContractState());
        await Storage.ReadStateAsync(stateName, grain, state);
        return state;
    }
}
