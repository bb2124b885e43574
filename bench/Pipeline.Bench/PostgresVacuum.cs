using System.Diagnostics;
using Npgsql;
using TestInfrastructure;

namespace Pipeline.Bench;

/// <summary>
/// Vacuums the runtime's tables between measured phases. Autovacuum starts only when its launcher
/// next wakes (every minute), not when the machine goes quiet, so the dead rows of earlier phases
/// (the warm-up clusters' deleted rows, the previous round's updates) were otherwise vacuumed inside
/// whichever round came next: that round's PostgreSQL CPU doubled (1.4 s to 2.6–3.1 s measured) and
/// its silo rate fell by a third. The vacuum a round's own writes cause comes after it, as it would
/// for a silo that keeps running, and is printed with the round.
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
