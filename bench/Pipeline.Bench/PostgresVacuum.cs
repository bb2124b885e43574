using System.Diagnostics;
using Npgsql;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>
/// Vacuums the runtime's tables before each round. Autovacuum starts when its launcher next wakes
/// (every minute), not when the machine goes quiet, so the vacuum of earlier phases' dead rows (the
/// warm-up clusters' deleted rows, the previous round's updates) could otherwise fall inside any
/// round, raw or silo. A round's own vacuum comes after it, as it would for a silo that keeps running.
/// </summary>
internal static class PostgresVacuum
{
    public static async Task<TimeSpan> RunAsync(RealServices services)
    {
        var clock = Stopwatch.StartNew();
        await using var dataSource = NpgsqlDataSource.Create(services.PostgresConnectionString);
        await using var command = dataSource.CreateCommand("VACUUM (ANALYZE) rt_grains, rt_partitions, rt_silos");
        await command.ExecuteNonQueryAsync();
        return clock.Elapsed;
    }
}
