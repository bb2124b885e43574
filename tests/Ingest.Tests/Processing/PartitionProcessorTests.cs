using System.Text;
using System.Threading.Channels;
using Ingest.Checkpoints;
using Ingest.Processing;
using Ingest.Tests.Support;
using Ingest.TestGrains;
using TestInfrastructure;

namespace Ingest.Tests.Processing;

[Collection(ClusterTests.Name)]
public sealed class PartitionProcessorTests(ClusterFixture fixture) : IDisposable
{
    private readonly ProcessorHarness _harness = new(fixture.Cluster.Client);

    [Fact]
    public async Task Run_RecordsOverSeveralKeys_CountsEachOnceAndCreditsEachOnce()
    {
        await _harness.Store.EnsureSchemaAsync(CancellationToken.None);
        var events = new TestEvents(150);

        await using var processor = await _harness.StartAsync(events.Records());
        await _harness.WaitUntilDoneAsync(processor, 150);

        await ExactlyOnce.AssertAsync(_harness.Client, events);
    }

    [Fact]
    public async Task Run_CrashAfterGrainCallsBeforeCommit_ReplayByNextOwnerCountsEachOnce()
    {
        await _harness.Store.EnsureSchemaAsync(CancellationToken.None);
        var events = new TestEvents(100);
        var crashing = new FaultyCheckpointStore(_harness.Store) { CrashOnCommit = 2 };

        long committed;
        await using (var first = await _harness.StartAsync(events.Records(), crashing, "first"))
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Completion);
            committed = first.NextOffset;
        }

        // The grains hold records of the batch whose commit never happened. Where the batches end
        // depends on how many records the source had when each began, so only the order is certain.
        var applied = 0;
        foreach (var key in events.Keys)
        {
            applied += (await _harness.Client.GetGrain<ICountingGrain>(key).GetCountsAsync()).Count;
        }

        Assert.InRange(committed, 1, 99);
        Assert.True(applied > committed, $"the grains applied {applied} records, beyond the {committed} committed");
        await using var second = await _harness.StartAsync(events.Records(), owner: "second");
        await _harness.WaitUntilDoneAsync(second, 100);
        await ExactlyOnce.AssertAsync(_harness.Client, events);
    }

    [Fact]
    public async Task Commit_StaleOwnerAfterTakeOver_IsFencedAndCountsStayExact()
    {
        await _harness.Store.EnsureSchemaAsync(CancellationToken.None);
        var events = new TestEvents(60);
        var staleSource = Channel.CreateUnbounded<SourceRecord>();
        var currentSource = Channel.CreateUnbounded<SourceRecord>();
        await using var stale = await _harness.StartAsync([], owner: "stale", source: staleSource);
        await using var current = await _harness.StartAsync([], owner: "current", source: currentSource);

        // The stale owner (a paused silo, woken) still makes its grain calls, but its commit is refused.
        foreach (var record in events.Records())
        {
            staleSource.Writer.TryWrite(record);
        }

        await Assert.ThrowsAsync<PartitionFencedException>(() => stale.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, stale.NextOffset);
        foreach (var record in events.Records())
        {
            currentSource.Writer.TryWrite(record);
        }

        await _harness.WaitUntilDoneAsync(current, 60);
        await ExactlyOnce.AssertAsync(_harness.Client, events);
    }

    [Fact]
    public async Task Run_UndecodableRecord_GoesToDeadLettersAndLaterRecordsFlow()
    {
        await _harness.Store.EnsureSchemaAsync(CancellationToken.None);
        var events = new TestEvents(30);
        var records = events.Records().ToList();
        records.Insert(10, new SourceRecord(0, null, Encoding.UTF8.GetBytes("not an event")));
        records = [.. records.Select((r, offset) => r with { Offset = offset })];

        await using var processor = await _harness.StartAsync(records);
        await _harness.WaitUntilDoneAsync(processor, 31);

        var letter = Assert.Single(_harness.DeadLetters.Letters);
        Assert.Equal((10L, "events", 0, "not an event"), (letter.SourceOffset, letter.SourceTopic, letter.SourcePartition, letter.Value));
        Assert.Contains("expected key|id|target", letter.Reason, StringComparison.Ordinal);
        await ExactlyOnce.AssertAsync(_harness.Client, events);
    }

    [Fact]
    public async Task Delivery_DeleteFailsAfterDelivery_TargetsApplyEachCreditOnce()
    {
        await _harness.Store.EnsureSchemaAsync(CancellationToken.None);
        var events = new TestEvents(40);
        var failing = new FaultyCheckpointStore(_harness.Store) { FailDeletes = 2 };

        await using var processor = await _harness.StartAsync(events.Records(), failing);
        await _harness.WaitUntilDoneAsync(processor, 40);

        var received = 0;
        foreach (var target in events.Targets)
        {
            received += (await _harness.Client.GetGrain<ICreditGrain>(target).GetStateAsync()).Received;
        }

        Assert.True(received > 40, $"expected redelivered credits, received {received}");
        await ExactlyOnce.AssertAsync(_harness.Client, events);
    }

    [Fact]
    public async Task Start_UndeliveredRowsOfPreviousOwner_AreDeliveredByTheNextOwner()
    {
        await _harness.Store.EnsureSchemaAsync(CancellationToken.None);
        var events = new TestEvents(20);
        var neverDeletes = new FaultyCheckpointStore(_harness.Store) { FailDeletes = int.MaxValue };
        await using (var first = await _harness.StartAsync(events.Records(), neverDeletes, "first"))
        {
            await Eventually.TrueAsync(() => first.NextOffset == 20, TimeSpan.FromSeconds(30), "first owner committed everything");
        }

        Assert.NotEmpty(await _harness.Store.ReadOutboxAsync(_harness.Partition, CancellationToken.None));
        await using var second = await _harness.StartAsync(events.Records(), owner: "second");
        await _harness.WaitUntilDoneAsync(second, 20);

        await ExactlyOnce.AssertAsync(_harness.Client, events);
        Assert.Equal(20, await ExactlyOnce.CreditsAppliedAsync(_harness.Client, events));
    }

    public void Dispose() => _harness.Dispose();
}
