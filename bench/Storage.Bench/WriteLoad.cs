using System.Diagnostics;
using Orleans.Storage;

namespace Storage.Bench;

/// <summary>Concurrent writers, one grain each, writing a ~1 KB state back to back until the deadline.</summary>
internal static class WriteLoad
{
    public static async Task<(long Writes, TimeSpan Elapsed)> RunAsync(IGrainStorage storage, string run, int writers, TimeSpan duration)
    {
        var payload = new string('p', 1000);
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var grain = GrainId.Create("bench", $"{run}-{writer}");
            var state = new GrainState<BenchState>(new BenchState { Payload = payload });
            long writes = 0;
            while (clock.Elapsed < duration)
            {
                state.State!.Sequence++;
                await storage.WriteStateAsync("bench", grain, state);
                writes++;
            }

            return writes;
        })));

        return (counts.Sum(), clock.Elapsed);
    }
}
