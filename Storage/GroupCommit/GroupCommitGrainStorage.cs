using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Storage.GroupCommit;

/// <summary>
/// Orleans grain storage on PostgreSQL or SQLite that commits concurrent writes and clears together,
/// one round trip per group, each row checked against its ETag (the row's version). A stale ETag
/// fails that grain alone with <see cref="InconsistentStateException"/>; the rest of its group
/// commits. Clearing keeps a tombstone row with the next version. Rows are keyed by service id,
/// state name and the full grain id, so grain types never share a row.
/// </summary>
public sealed class GroupCommitGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly GroupCommitStorageOptions _options;
    private readonly string _serviceId;
    private readonly IActivatorProvider _activators;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GroupCommitGrainStorage> _logger;
    private readonly GroupCommitMetrics _metrics;
    private IGrainStateDialect? _dialect;
    private GroupCommitQueue? _queue;

    internal GroupCommitGrainStorage(
        string name,
        GroupCommitStorageOptions options,
        string serviceId,
        IActivatorProvider activators,
        IMeterFactory? meterFactory,
        TimeProvider timeProvider,
        ILogger<GroupCommitGrainStorage> logger)
    {
        _name = name;
        _options = options;
        _serviceId = serviceId;
        _activators = activators;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = new GroupCommitMetrics(meterFactory, name);
    }

    /// <summary>Groups committed so far by this provider instance.</summary>
    public long CommittedGroups => _metrics.CommittedGroups;

    /// <summary>Writes and clears committed (or rejected as stale) so far, over all groups.</summary>
    public long CommittedRows => _metrics.CommittedRows;

    /// <summary>Round-trip time of all groups so far, summed: divided by <see cref="CommittedGroups"/>, the time one group takes.</summary>
    public TimeSpan CommitTime => _metrics.CommitTime;

    internal GroupCommitQueue Queue => _queue ?? throw new InvalidOperationException($"Grain storage '{_name}' is used before the silo started it.");

    /// <summary>The factory <c>AddGrainStorage</c> calls for a named provider.</summary>
    public static GroupCommitGrainStorage Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new GroupCommitGrainStorage(
            name,
            services.GetRequiredService<IOptionsMonitor<GroupCommitStorageOptions>>().Get(name),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredService<IActivatorProvider>(),
            services.GetService<IMeterFactory>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System,
            services.GetRequiredService<ILogger<GroupCommitGrainStorage>>());
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe($"{nameof(GroupCommitGrainStorage)}-{_name}", _options.InitStage, StartAsync, StopAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var stored = await Dialect.ReadAsync(_serviceId, stateName, grainId.ToString(), CancellationToken.None);
        if (stored is { Payload: { } payload })
        {
            grainState.State = _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(payload));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = _activators.GetActivator<T>().Create();
            grainState.RecordExists = false;
        }

        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var key = grainId.ToString();
        var version = await Queue.EnqueueAsync(new PendingWrite(stateName, key, ParseETag(grainState.ETag), payload, isClear: false));
        grainState.ETag = Checked(version, "WriteState", stateName, key, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // A grain that never saw a row clears against whatever is stored now, as Orleans' own providers do.
            await ReadStateAsync(stateName, grainId, grainState);
            if (grainState.ETag is null)
            {
                return;
            }
        }

        var key = grainId.ToString();
        var version = await Queue.EnqueueAsync(new PendingWrite(stateName, key, ParseETag(grainState.ETag), payload: null, isClear: true));
        grainState.ETag = Checked(version, "ClearState", stateName, key, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    private IGrainStateDialect Dialect => _dialect ?? throw new InvalidOperationException($"Grain storage '{_name}' is used before the silo started it.");

    private static int? ParseETag(string? eTag)
    {
        if (eTag is null)
        {
            return null;
        }

        return int.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InconsistentStateException($"ETag '{eTag}' is not a version this provider wrote.", null, eTag);
    }

    private string Checked(int? version, string operation, string stateName, string grainId, string? eTag)
    {
        if (version is { } committed)
        {
            return committed.ToString(CultureInfo.InvariantCulture);
        }

        GroupCommitLog.Conflict(_logger, _name, eTag, stateName, grainId);
        throw new InconsistentStateException(
            $"Version conflict ({operation}): provider {_name}, service {_serviceId}, state {stateName} of {grainId}: ETag {eTag ?? "(none)"} is no longer the stored version.",
            storedEtag: null,
            currentEtag: eTag);
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        _dialect = _options.Database == StorageDatabase.Sqlite
            ? new SqliteGrainStateDialect(_options.ConnectionString)
            : new PostgreSqlGrainStateDialect(_options.ConnectionString);
        _queue = new GroupCommitQueue(
            _dialect,
            _serviceId,
            _name,
            _options.MaxGroupSize,
            _dialect.MaxConcurrentGroups(_options.MaxConcurrentGroups),
            _metrics,
            _timeProvider,
            _logger);
        GroupCommitLog.Opened(_logger, _name, _options.Database, _options.MaxGroupSize);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        // Grains deactivate (and write) at an earlier stop stage; wait out any group still in flight.
        while (_queue is { IsIdle: false } && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), _timeProvider, CancellationToken.None);
        }

        if (_dialect is not null)
        {
            await _dialect.DisposeAsync();
        }
    }
}
