using Npgsql;
using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;
using Runtime.Tests.Hosting;
using Runtime.Tests.TestGrains;
using TestInfrastructure;

namespace Runtime.Tests.Activation;

public sealed class CheckpointPipelineTests
{
    // The silo's commits that wait for a lock on their partition's row.
    private const string WaitingCommits =
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.query LIKE 'UPDATE rt_partitions%' AND a.datname = current_database()";

    [Fact]
    public async Task Checkpoint_CommitStuckInStorage_PartitionKeepsApplyingAndCommitsOnceFreed()
    {
        var cluster = RealServices.UniqueName("pipeline");
        // A checkpoint falls due at once after every batch, so a loop that waited for the previous
        // commit before going on would stop applying as soon as that commit hangs.
        await using var silo = await TestSilo.StartAsync(cluster, settings: new Dictionary<string, string?> { ["Runtime:CheckpointInterval"] = "00:00:00.001" });
        var grain = silo.Grains.GetGrain<ICounterGrain>("busy");
        var partition = GrainPartitioner.PartitionOf("busy", silo.Runtime.PartitionCount);
        await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("busy", 1)]);
        await Eventually.TrueAsync(() => CommittedEvents(silo, partition) >= 1, ClusterTestKit.Patience, "the first event is committed");

        await using var rowLock = await PartitionRowLock.TakeAsync(cluster, partition);
        await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("busy", 10)]);
        await Eventually.TrueAsync(async () => await CommitsWaitingAsync(cluster) > 0, ClusterTestKit.Patience, "the silo's commit waits on the row lock");

        await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("busy", 100)]);
        // Well within the 30 s after which the stuck statement would time out and free the loop anyway.
        await Eventually.TrueAsync(async () => (await grain.GetAsync()).Sum == 111, TimeSpan.FromSeconds(15), "events are applied while the commit waits");
        Assert.Equal(1, CommittedEvents(silo, partition));

        await rowLock.ReleaseAsync();
        await Eventually.TrueAsync(() => CommittedEvents(silo, partition) == 3, ClusterTestKit.Patience, "every event is committed once the row is free");
        Assert.Equal(111, (await grain.GetAsync()).Sum);

        // The grain changed while its earlier snapshot was being committed: that change is stored too.
        await Eventually.TrueAsync(async () => await StoredSumAsync(cluster, "busy") == 111, ClusterTestKit.Patience, "the latest state is stored");
    }

    [Fact]
    public async Task Checkpoint_CommitFails_GrainsInItAreSavedByTheNextCheckpoint()
    {
        var cluster = RealServices.UniqueName("pipefail");
        await using var silo = await TestSilo.StartAsync(cluster, settings: new Dictionary<string, string?> { ["Runtime:CheckpointInterval"] = "00:00:00.050" });
        var partition = GrainPartitioner.PartitionOf("lost", silo.Runtime.PartitionCount);
        await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("lost", 1)]);
        await Eventually.TrueAsync(() => CommittedEvents(silo, partition) >= 1, ClusterTestKit.Patience, "the first event is committed");

        await using (var rowLock = await PartitionRowLock.TakeAsync(cluster, partition))
        {
            await ClusterTestKit.ProduceAsync(silo, [new CounterEvent("lost", 10)]);
            await Eventually.TrueAsync(async () => await CommitsWaitingAsync(cluster) > 0, ClusterTestKit.Patience, "the commit with the change waits on the row lock");

            // Killing the waiting session fails that commit. Nothing changes the grain afterwards, so only
            // the failed commit's own bookkeeping can bring it to a later checkpoint.
            await rowLock.KillWaitingCommitsAsync();
            await rowLock.ReleaseAsync();
        }

        await Eventually.TrueAsync(() => CommittedEvents(silo, partition) == 2, ClusterTestKit.Patience, "both events are committed after the failure");
        Assert.Equal(11, await StoredSumAsync(cluster, "lost"));
    }

    private static async Task<long?> StoredSumAsync(string cluster, string key)
    {
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (convert_from(state, 'UTF8')::json->>'sum')::bigint FROM rt_grains WHERE cluster = @cluster AND grain_type = @type AND grain_key = @key",
            connection);
        command.Parameters.AddWithValue("cluster", cluster);
        command.Parameters.AddWithValue("type", GrainInterfaceCatalog.NameOf(typeof(ICounterGrain)));
        command.Parameters.AddWithValue("key", key);
        return await command.ExecuteScalarAsync() as long?;
    }

    private static long CommittedEvents(TestSilo silo, int partition) =>
        silo.Runtime.Partitions().Single(p => p.Partition == partition).Positions.GetValueOrDefault(silo.Runtime.Topics.Events);

    private static async Task<long> CommitsWaitingAsync(string cluster)
    {
        await using var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) {WaitingCommits}",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Holds a partition's row FOR UPDATE: what a slow commit looks like from the silo, whose fence statement waits.</summary>
    private sealed class PartitionRowLock : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;

        private PartitionRowLock(NpgsqlConnection connection, NpgsqlTransaction transaction) => (_connection, _transaction) = (connection, transaction);

        public static async Task<PartitionRowLock> TakeAsync(string cluster, int partition)
        {
            var connection = new NpgsqlConnection(RealServices.Instance.PostgresConnectionString);
            await connection.OpenAsync();
            await Execute(connection, "SET idle_in_transaction_session_timeout = 0");
            var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, $"SELECT 1 FROM rt_partitions WHERE cluster = '{cluster}' AND partition = {partition} FOR UPDATE", transaction);
            return new PartitionRowLock(connection, transaction);
        }

        /// <summary>Ends the sessions of the commits waiting for this lock, which fails those commits.</summary>
        public Task KillWaitingCommitsAsync() => Execute(_connection, $"SELECT pg_terminate_backend(a.pid) {WaitingCommits}", _transaction);

        public Task ReleaseAsync() => _transaction.RollbackAsync();

        public async ValueTask DisposeAsync()
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
