using System.Text;
using Runtime.Storage;
using Runtime.Tests.Fakes;
using TestInfrastructure;

namespace Runtime.Tests.Storage;

/// <summary>
/// What every <see cref="ICheckpointStore"/> must do. Each provider derives one class that supplies
/// stores over a database of its own for each test; the tests are split over the partial files.
/// </summary>
public abstract partial class CheckpointStoreContractTests : IAsyncLifetime, IDisposable
{
    /// <summary>Has microseconds, the finest precision the stores keep, to prove none is lost.</summary>
    protected static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, 678, 901, TimeSpan.Zero);

    protected static readonly SiloIdentity SiloA = new("silo-a", "http://127.0.0.1:5001");

    protected static readonly SiloIdentity SiloB = new("silo-b", "http://127.0.0.1:5002");

    protected static readonly IReadOnlyDictionary<string, long> None = new Dictionary<string, long>();

    private readonly List<ICheckpointStore> _stores = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    protected ManualTimeProvider Time { get; } = new(Start);

    protected string Cluster { get; } = RealServices.UniqueName("t");

    /// <summary>Bounds every store call, so a lost wake-up fails the test instead of hanging the run.</summary>
    protected CancellationToken Ct => _timeout.Token;

    public async Task InitializeAsync() => await SetUpDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }

        await TearDownDatabaseAsync();
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task InitializeAsync_CalledTwice_IsIdempotentAndKeepsData()
    {
        var store = await NewStoreAsync();
        var lease = await store.AcquireAsync(Cluster, 0, SiloA, Ct);
        await store.CommitAsync(Checkpoint(0, lease.Epoch, Map(("orders", 5)), Write("counter", "a", "1")), Ct);

        await store.InitializeAsync(Ct);
        await NewStoreAsync();

        Assert.Equal("1", await ReadTextAsync(store, "counter", "a"));
        var next = await store.AcquireAsync(Cluster, 0, SiloB, Ct);
        Assert.Equal(2, next.Epoch);
        Assert.Equal(5, next.Positions["orders"]);
    }

    [Fact]
    public async Task InitializeAsync_ThreeInstancesConcurrentlyOnEmptyDatabase_AllSucceed()
    {
        var stores = Enumerable.Range(0, 3).Select(_ => Track(CreateStore(Time))).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var initializations = stores.Select(store => Task.Run(async () =>
        {
            await start.Task;
            await store.InitializeAsync(Ct);
        })).ToList();
        start.SetResult();
        await Task.WhenAll(initializations);

        for (var partition = 0; partition < stores.Count; partition++)
        {
            var lease = await stores[partition].AcquireAsync(Cluster, partition, SiloA, Ct);
            Assert.Equal(1, lease.Epoch);
        }
    }

    /// <summary>A new, uninitialised store over this test's database: another silo, as far as the store can tell.</summary>
    protected abstract ICheckpointStore CreateStore(TimeProvider timeProvider);

    protected virtual Task SetUpDatabaseAsync() => Task.CompletedTask;

    /// <summary>Runs after every store of the test has been disposed.</summary>
    protected virtual Task TearDownDatabaseAsync() => Task.CompletedTask;

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timeout.Dispose();
        }
    }

    protected ICheckpointStore Track(ICheckpointStore store)
    {
        _stores.Add(store);
        return store;
    }

    protected async Task<ICheckpointStore> NewStoreAsync()
    {
        var store = Track(CreateStore(Time));
        await store.InitializeAsync(Ct);
        return store;
    }

    protected static IReadOnlyDictionary<string, long> Map(params (string Name, long Value)[] entries) =>
        entries.ToDictionary(entry => entry.Name, entry => entry.Value);

    protected static GrainStateWrite Write(string grainType, string key, string? text) =>
        new(grainType, key, text is null ? null : Encoding.UTF8.GetBytes(text));

    protected PartitionCheckpoint Checkpoint(int partition, long epoch, IReadOnlyDictionary<string, long> positions, params GrainStateWrite[] grains) =>
        new(Cluster, partition, epoch, positions, None, grains);

    protected async Task<string?> ReadTextAsync(ICheckpointStore store, string grainType, string key, string? cluster = null)
    {
        var found = await store.ReadGrainsAsync(cluster ?? Cluster, grainType, [key], Ct);
        return found.TryGetValue(key, out var state) ? Encoding.UTF8.GetString(state.State) : null;
    }

    /// <summary>True if <paramref name="commit"/> succeeded, false if it was fenced; anything else fails the test.</summary>
    protected static async Task<bool> SucceededAsync(Task commit)
    {
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            await commit;
            return true;
        }
        catch (PartitionFencedException)
        {
            return false;
        }
    }
}
