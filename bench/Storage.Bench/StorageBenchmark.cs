using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Storage;
using Storage.GroupCommit;
using Storage.Hosting;
using TestInfrastructure;

namespace Storage.Bench;

/// <summary>
/// Grain writes per second of Orleans' stock ADO.NET provider and of the group-commit provider, on
/// PostgreSQL and on SQLite, side by side in one silo and one run: 1 KB states, concurrent writers
/// calling IGrainStorage.WriteStateAsync directly (no grain call overhead), each for a fixed time.
/// Stock and group-commit alternate within each round, so drift in the machine's speed hits both.
/// </summary>
internal static class StorageBenchmark
{
    private static readonly (string Name, StorageDatabase Database, bool GroupCommit)[] Providers =
    [
        ("adonet-postgresql", StorageDatabase.PostgreSql, false),
        ("groupcommit-postgresql", StorageDatabase.PostgreSql, true),
        ("adonet-sqlite", StorageDatabase.Sqlite, false),
        ("groupcommit-sqlite", StorageDatabase.Sqlite, true),
    ];

    private static readonly string[] Databases = ["postgresql", "sqlite"];

    public static async Task<int> RunAsync(TimeSpan duration, int writers, int rounds, string only)
    {
        Console.WriteLine($"{writers} writers, 1 KB states, {duration.TotalSeconds:0.#} s per provider, {rounds} rounds; Environment.ProcessorCount={Environment.ProcessorCount}");
        await using var databases = new BenchDatabases();
        var postgres = await databases.CreatePostgresAsync();
        var connectionStrings = new Dictionary<string, string>
        {
            ["adonet-postgresql"] = postgres,
            ["groupcommit-postgresql"] = postgres,
            ["adonet-sqlite"] = await databases.CreateSqliteAsync("adonet"),
            ["groupcommit-sqlite"] = await databases.CreateSqliteAsync("groupcommit"),
        };

        using var host = await StartSiloAsync(connectionStrings);
        var rates = Providers.ToDictionary(p => p.Name, _ => new List<double>());
        ReportSerializer(host.Services);
        await WarmUpAsync(host.Services, writers, only);
        for (var round = 1; round <= rounds; round++)
        {
            // Stock and group-commit swap order every round, so neither always inherits the other's
            // dead rows, WAL or checkpoint.
            var order = Providers.Where(p => p.Name.Contains(only, StringComparison.Ordinal)).ToList();
            if (round % 2 == 0)
            {
                order = [.. order.Chunk(2).SelectMany(pair => pair.Reverse())];
            }

            foreach (var (name, database, groupCommit) in order)
            {
                if (database == StorageDatabase.PostgreSql)
                {
                    await databases.VacuumPostgresAsync();
                }

                var storage = host.Services.GetRequiredKeyedService<IGrainStorage>(name);
                var (groupsBefore, rowsBefore, commitBefore) = Groups(storage);
                var cpuBefore = CpuMeter.Read();
                var (writes, elapsed) = await WriteLoad.RunAsync(storage, $"{name}-r{round}", writers, duration);
                var cpuAfter = CpuMeter.Read();
                var rate = writes / elapsed.TotalSeconds;
                rates[name].Add(rate);
                var (groups, rows, commit) = Groups(storage);
                var trips = Math.Max(1, groups - groupsBefore);
                var grouping = groupCommit
                    ? $", {(double)(rows - rowsBefore) / trips:F1} writes per round trip of {(commit - commitBefore).TotalMilliseconds / trips:F2} ms"
                    : string.Empty;
                var siloCpu = (cpuAfter.Process - cpuBefore.Process).TotalMicroseconds / writes;
                var postgresCpu = (cpuAfter.Postgres - cpuBefore.Postgres).TotalMicroseconds / writes;
                Console.WriteLine($"round {round} {name,-24}: {rate,10:N0} writes/s ({writes:N0} writes in {elapsed.TotalSeconds:F2} s{grouping}); CPU per write: silo {siloCpu:F0} µs, PostgreSQL {postgresCpu:F0} µs");
            }
        }

        Console.WriteLine();
        foreach (var database in Databases.Where(d => rates[$"adonet-{d}"].Count > 0 && rates[$"groupcommit-{d}"].Count > 0))
        {
            var stock = rates[$"adonet-{database}"].Average();
            var grouped = rates[$"groupcommit-{database}"].Average();
            Console.WriteLine($"{database,-10}: stock ADO.NET {stock,9:N0} writes/s, group-commit {grouped,9:N0} writes/s, ratio {grouped / stock:F1}x");
        }

        await host.StopAsync();
        return 0;
    }

    // Both providers pay this per write; it bounds what grouping can gain on the silo's side.
    private static void ReportSerializer(IServiceProvider services)
    {
        var serializer = services.GetRequiredService<IGrainStorageSerializer>();
        var state = new BenchState { Payload = new string('p', 1000) };
        var size = serializer.Serialize(state).Length;
        const int Count = 20_000;
        var cpu = CpuMeter.Read().Process;
        for (var i = 0; i < Count; i++)
        {
            state.Sequence = i;
            _ = serializer.Serialize(state).ToArray();
        }

        var perWrite = (CpuMeter.Read().Process - cpu).TotalMicroseconds / Count;
        Console.WriteLine($"state: {size:N0} bytes with {serializer.GetType().Name}, {perWrite:F1} µs CPU to serialize");
    }

    private static (long Groups, long Rows, TimeSpan Commit) Groups(IGrainStorage storage) =>
        storage is GroupCommitGrainStorage groupCommit
            ? (groupCommit.CommittedGroups, groupCommit.CommittedRows, groupCommit.CommitTime)
            : (0, 0, TimeSpan.Zero);

    // Long enough for tiered JIT to reach the optimised code of both providers' write paths: with
    // one second, the first measured round still cost about three times the silo CPU per write.
    private static async Task WarmUpAsync(IServiceProvider services, int writers, string only)
    {
        foreach (var (name, _, _) in Providers.Where(p => p.Name.Contains(only, StringComparison.Ordinal)))
        {
            await WriteLoad.RunAsync(services.GetRequiredKeyedService<IGrainStorage>(name), $"{name}-warm", writers, TimeSpan.FromSeconds(4));
        }
    }

    private static async Task<IHost> StartSiloAsync(Dictionary<string, string> connectionStrings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var cluster = RealServices.UniqueName("bench");
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(serviceId: cluster, clusterId: cluster);
            foreach (var (name, database, groupCommit) in Providers)
            {
                var connectionString = connectionStrings[name];
                if (groupCommit)
                {
                    silo.AddGroupCommitGrainStorage(name, options =>
                    {
                        // The product's tuning keys apply here too, e.g. Storage__MaxConcurrentGroups=4 in the environment.
                        builder.Configuration.GetSection("Storage").Bind(options);
                        options.Database = database;
                        options.ConnectionString = connectionString;
                    });
                }
                else
                {
                    silo.AddAdoNetGrainStorage(name, options =>
                    {
                        options.Invariant = database == StorageDatabase.PostgreSql ? "Npgsql" : "System.Data.SQLite";
                        options.ConnectionString = connectionString;
                    });
                }
            }
        });

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
