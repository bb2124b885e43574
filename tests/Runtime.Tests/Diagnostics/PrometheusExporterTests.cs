using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Diagnostics;

namespace Runtime.Tests.Diagnostics;

public sealed class PrometheusExporterTests
{
    [Fact]
    public void Render_CounterWithTags_WritesOneTotalPerTagSet()
    {
        using var meter = new Meter(UniqueMeterName());
        var counter = meter.CreateCounter<long>("runtime.events.processed", description: "Events applied to grains.");
        using var exporter = new PrometheusExporter([meter.Name]);

        counter.Add(2, new("topic", "orders"), new("partition", 1));
        // Same tag set in another order: must land in the same series.
        counter.Add(3, new("partition", 1), new("topic", "orders"));
        counter.Add(5, new("topic", "orders"), new("partition", 2));
        counter.Add(7);

        Assert.Equal(
            Lines(
                "# HELP runtime_events_processed_total Events applied to grains.",
                "# TYPE runtime_events_processed_total counter",
                "runtime_events_processed_total 7",
                "runtime_events_processed_total{partition=\"1\",topic=\"orders\"} 5",
                "runtime_events_processed_total{partition=\"2\",topic=\"orders\"} 5"),
            exporter.Render());
    }

    [Fact]
    public void Render_Histogram_WritesCumulativeBucketsSumAndCount()
    {
        using var meter = new Meter(UniqueMeterName());
        var histogram = meter.CreateHistogram(
            "grains.batch.size",
            unit: null,
            description: null,
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10] });
        using var exporter = new PrometheusExporter([meter.Name]);

        foreach (var value in new[] { 0.5, 1, 3, 7, 100 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("grain", "cart"));
        }

        Assert.Equal(
            Lines(
                "# TYPE grains_batch_size histogram",
                "grains_batch_size_bucket{grain=\"cart\",le=\"1\"} 2",
                "grains_batch_size_bucket{grain=\"cart\",le=\"5\"} 3",
                "grains_batch_size_bucket{grain=\"cart\",le=\"10\"} 4",
                "grains_batch_size_bucket{grain=\"cart\",le=\"+Inf\"} 5",
                "grains_batch_size_sum{grain=\"cart\"} 111.5",
                "grains_batch_size_count{grain=\"cart\"} 5"),
            exporter.Render());
    }

    [Fact]
    public void Render_HistogramsWithoutAdvice_UseDefaultBoundariesByUnit()
    {
        using var meter = new Meter(UniqueMeterName());
        var duration = meter.CreateHistogram<double>("grains.call.duration", unit: "s");
        var size = meter.CreateHistogram<long>("grains.payload.size");
        using var exporter = new PrometheusExporter([meter.Name]);

        duration.Record(0.003);
        size.Record(60);

        var lines = exporter.Render().Split('\n');
        Assert.Equal(
            [
                "1e-05", "2e-05", "5e-05", "0.0001", "0.0002", "0.0005", "0.001", "0.002", "0.005",
                "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10", "+Inf",
            ],
            UpperBounds(lines, "grains_call_duration_seconds_bucket"));
        Assert.Equal(
            ["0", "5", "10", "25", "50", "75", "100", "250", "500", "750", "1000", "2500", "5000", "7500", "10000", "+Inf"],
            UpperBounds(lines, "grains_payload_size_bucket"));
        Assert.Contains("grains_call_duration_seconds_bucket{le=\"0.002\"} 0", lines);
        Assert.Contains("grains_call_duration_seconds_bucket{le=\"0.005\"} 1", lines);
        Assert.Contains("grains_call_duration_seconds_sum 0.003", lines);
        Assert.Contains("grains_payload_size_bucket{le=\"50\"} 0", lines);
        Assert.Contains("grains_payload_size_bucket{le=\"75\"} 1", lines);
        Assert.Contains("grains_payload_size_sum 60", lines);
    }

    [Fact]
    public void Render_ObservableGauge_ReadsCurrentValueAtEachScrape()
    {
        using var meter = new Meter(UniqueMeterName());
        var depth = 1.5;
        meter.CreateObservableGauge(
            "runtime.queue.depth",
            () => new Measurement<double>(depth, new KeyValuePair<string, object?>("queue", "inbox")),
            description: "Records waiting to be applied.");
        using var exporter = new PrometheusExporter([meter.Name]);

        var first = exporter.Render();
        depth = 42;
        var second = exporter.Render();

        Assert.Equal(
            Lines(
                "# HELP runtime_queue_depth Records waiting to be applied.",
                "# TYPE runtime_queue_depth gauge",
                "runtime_queue_depth{queue=\"inbox\"} 1.5"),
            first);
        Assert.Equal(
            Lines(
                "# HELP runtime_queue_depth Records waiting to be applied.",
                "# TYPE runtime_queue_depth gauge",
                "runtime_queue_depth{queue=\"inbox\"} 42"),
            second);
    }

    [Fact]
    public void Render_ObservableTagSetNoLongerReported_IsDropped()
    {
        using var meter = new Meter(UniqueMeterName());
        string[] partitions = ["0", "1"];
        meter.CreateObservableCounter(
            "runtime.partition.records",
            () => partitions.Select(p => new Measurement<long>(10, new KeyValuePair<string, object?>("partition", p))));
        using var exporter = new PrometheusExporter([meter.Name]);

        exporter.Render();
        partitions = ["1"];

        Assert.Equal(
            Lines(
                "# TYPE runtime_partition_records_total counter",
                "runtime_partition_records_total{partition=\"1\"} 10"),
            exporter.Render());
    }

    [Fact]
    public void Render_ObservableCallbackThrows_OtherInstrumentsStillRendered()
    {
        using var meter = new Meter(UniqueMeterName());
        meter.CreateObservableGauge("api.broken", new Func<int>(() => throw new InvalidOperationException("boom")));
        meter.CreateObservableGauge("api.healthy", () => 1);
        using var exporter = new PrometheusExporter([meter.Name]);

        Assert.Equal(Lines("# TYPE api_healthy gauge", "api_healthy 1"), exporter.Render());
    }

    [Fact]
    public void Render_LabelValuesAndHelp_AreEscaped()
    {
        using var meter = new Meter(UniqueMeterName());
        var counter = meter.CreateCounter<int>("api.requests", description: "Requests by C:\\path\nsecond \"line\".");
        using var exporter = new PrometheusExporter([meter.Name]);

        counter.Add(1, new("http.route", "a\\b\"c\nd"), new("1st-try", true), new("empty", null));

        Assert.Equal(
            Lines(
                "# HELP api_requests_total Requests by C:\\\\path\\nsecond \"line\".",
                "# TYPE api_requests_total counter",
                "api_requests_total{_1st_try=\"true\",empty=\"\",http_route=\"a\\\\b\\\"c\\nd\"} 1"),
            exporter.Render());
    }

    [Fact]
    public void Render_InstrumentNames_AreSanitizedAndGetUnitSuffixes()
    {
        using var meter = new Meter(UniqueMeterName());
        using var exporter = new PrometheusExporter([meter.Name]);

        meter.CreateCounter<long>("api.cpu_seconds", unit: "s").Add(1);
        meter.CreateCounter<long>("api.jobs.total").Add(1);
        meter.CreateCounter<double>("api.busy.total", unit: "s").Add(1);
        meter.CreateUpDownCounter<long>("runtime.memory.used", unit: "By").Add(1);
        meter.CreateUpDownCounter<long>("runtime.heap_bytes", unit: "By").Add(1);
        meter.CreateGauge<int>("2xx/ratio:ü", unit: "{request}").Record(1);

        var names = exporter.Render().Split('\n').Where(line => line.StartsWith("# TYPE ", StringComparison.Ordinal));

        Assert.Equal(
            [
                "# TYPE _2xx_ratio__ gauge",
                "# TYPE api_busy_seconds_total counter",
                "# TYPE api_cpu_seconds_total counter",
                "# TYPE api_jobs_total counter",
                "# TYPE runtime_heap_bytes gauge",
                "# TYPE runtime_memory_used_bytes gauge",
            ],
            names);
    }

    [Fact]
    public void Render_GaugeAndUpDownCounter_WriteLastValueAndRunningSum()
    {
        using var meter = new Meter(UniqueMeterName());
        var gauge = meter.CreateGauge<double>("runtime.lag");
        var active = meter.CreateUpDownCounter<int>("runtime.activations");
        using var exporter = new PrometheusExporter([meter.Name]);

        gauge.Record(3);
        gauge.Record(-0.25);
        active.Add(5);
        active.Add(-7);

        Assert.Equal(
            Lines(
                "# TYPE runtime_activations gauge",
                "runtime_activations -2",
                "# TYPE runtime_lag gauge",
                "runtime_lag -0.25"),
            exporter.Render());
    }

    [Fact]
    public void Render_EveryMeasurementType_IsRecorded()
    {
        using var meter = new Meter(UniqueMeterName());
        using var exporter = new PrometheusExporter([meter.Name]);

        meter.CreateCounter<byte>("t.byte").Add(200);
        meter.CreateCounter<short>("t.short").Add(30000);
        meter.CreateCounter<int>("t.int").Add(int.MaxValue);
        var longCounter = meter.CreateCounter<long>("t.long");
        longCounter.Add(long.MaxValue - 1);
        longCounter.Add(1);
        meter.CreateCounter<float>("t.float").Add(0.5f);
        meter.CreateCounter<double>("t.double").Add(0.1);
        meter.CreateCounter<decimal>("t.decimal").Add(2.5m);

        var samples = exporter.Render().Split('\n').Where(line => line.Length > 0 && line[0] != '#');

        Assert.Equal(
            [
                "t_byte_total 200",
                "t_decimal_total 2.5",
                "t_double_total 0.1",
                "t_float_total 0.5",
                "t_int_total 2147483647",
                "t_long_total 9223372036854775807",
                "t_short_total 30000",
            ],
            samples);
    }

    [Fact]
    public void Render_NonFiniteValues_UsePrometheusSpelling()
    {
        using var meter = new Meter(UniqueMeterName());
        var gauge = meter.CreateGauge<double>("runtime.ratio");
        using var exporter = new PrometheusExporter([meter.Name]);

        gauge.Record(double.PositiveInfinity, new KeyValuePair<string, object?>("k", "a"));
        gauge.Record(double.NegativeInfinity, new KeyValuePair<string, object?>("k", "b"));
        gauge.Record(double.NaN, new KeyValuePair<string, object?>("k", "c"));
        gauge.Record(1e-7, new KeyValuePair<string, object?>("k", "d"));

        Assert.Equal(
            Lines(
                "# TYPE runtime_ratio gauge",
                "runtime_ratio{k=\"a\"} +Inf",
                "runtime_ratio{k=\"b\"} -Inf",
                "runtime_ratio{k=\"c\"} NaN",
                "runtime_ratio{k=\"d\"} 1e-07"),
            exporter.Render());
    }

    [Fact]
    public async Task Record_ConcurrentlyFromManyThreads_SumsExactly()
    {
        const int Threads = 8;
        const int PerThread = 100_000;
        using var meter = new Meter(UniqueMeterName());
        var events = meter.CreateCounter<long>("runtime.events");
        var work = meter.CreateCounter<double>("runtime.work");
        var latency = meter.CreateHistogram<double>("runtime.latency", unit: "s");
        using var exporter = new PrometheusExporter([meter.Name]);
        using var start = new Barrier(Threads + 1);

        var recorders = Enumerable.Range(0, Threads).Select(thread => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    events.Add(1, new KeyValuePair<string, object?>("shard", i % 2));
                    work.Add(0.25);
                    latency.Record(0.001);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        // Scrapes racing with recording must neither throw nor disturb the totals.
        var scraper = Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                while (!recorders.All(task => task.IsCompleted))
                {
                    exporter.Render();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await Task.WhenAll([.. recorders, scraper]);

        var lines = exporter.Render().Split('\n');
        Assert.Contains("runtime_events_total{shard=\"0\"} 400000", lines);
        Assert.Contains("runtime_events_total{shard=\"1\"} 400000", lines);
        Assert.Contains("runtime_work_total 200000", lines);
        Assert.Contains("runtime_latency_seconds_bucket{le=\"0.0005\"} 0", lines);
        Assert.Contains("runtime_latency_seconds_bucket{le=\"0.001\"} 800000", lines);
        Assert.Contains("runtime_latency_seconds_bucket{le=\"+Inf\"} 800000", lines);
        Assert.Contains("runtime_latency_seconds_count 800000", lines);
    }

    [Fact]
    public void Record_KnownTagSet_DoesNotAllocate()
    {
        using var meter = new Meter(UniqueMeterName());
        var counter = meter.CreateCounter<long>("runtime.events");
        var histogram = meter.CreateHistogram<double>("runtime.latency", unit: "s");
        using var exporter = new PrometheusExporter([meter.Name]);
        var topic = new KeyValuePair<string, object?>("topic", "orders");
        var partition = new KeyValuePair<string, object?>("partition", 3);
        counter.Add(1, topic, partition);
        histogram.Record(0.01, topic, partition);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            counter.Add(1, topic, partition);
            histogram.Record(0.01, partition, topic);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Render_InstrumentCreatedAfterExporterStarted_IsIncluded()
    {
        using var meter = new Meter(UniqueMeterName());
        using var exporter = new PrometheusExporter([meter.Name]);
        Assert.Equal(string.Empty, exporter.Render());

        meter.CreateCounter<int>("grains.activated").Add(3);

        Assert.Equal(Lines("# TYPE grains_activated_total counter", "grains_activated_total 3"), exporter.Render());
    }

    [Fact]
    public void Render_MeterNotMatchingPrefixes_IsIgnored()
    {
        var prefix = UniqueMeterName();
        using var child = new Meter(prefix + ".Child");
        using var sibling = new Meter(prefix + "Sibling");
        using var other = new Meter("Other." + prefix);
        using var exporter = new PrometheusExporter([prefix]);

        child.CreateCounter<int>("child.calls").Add(1);
        sibling.CreateCounter<int>("sibling.calls").Add(1);
        other.CreateCounter<int>("other.calls").Add(1);

        Assert.Equal(Lines("# TYPE child_calls_total counter", "child_calls_total 1"), exporter.Render());
    }

    [Fact]
    public void Render_MeterDisposed_DropsItsInstruments()
    {
        var meter = new Meter(UniqueMeterName());
        using var exporter = new PrometheusExporter([meter.Name]);
        meter.CreateCounter<int>("grains.calls").Add(1);

        meter.Dispose();

        Assert.Equal(string.Empty, exporter.Render());
    }

    [Fact]
    public void Render_MoreTagSetsThanTheLimit_FoldsTheRestIntoOverflowSeries()
    {
        using var meter = new Meter(UniqueMeterName());
        var counter = meter.CreateCounter<long>("api.hits");
        using var exporter = new PrometheusExporter([meter.Name]);

        for (var id = 0; id < 2010; id++)
        {
            counter.Add(1, new KeyValuePair<string, object?>("id", id));
        }

        var samples = exporter.Render().Split('\n').Where(line => line.StartsWith("api_hits_total", StringComparison.Ordinal)).ToList();
        Assert.Equal(2001, samples.Count);
        Assert.Contains("api_hits_total{otel_metric_overflow=\"true\"} 10", samples);
    }

    [Fact]
    public void WriteTo_StreamWriter_WritesSameTextAsRender()
    {
        using var meter = new Meter(UniqueMeterName());
        meter.CreateObservableGauge("api.up", () => 1);
        using var exporter = new PrometheusExporter([meter.Name]);
        using var stream = new MemoryStream();

        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            exporter.WriteTo(writer);
        }

        Assert.Equal(exporter.Render(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void AddPrometheusExporter_ProviderDisposed_DisposesExporter()
    {
        var provider = new ServiceCollection().AddPrometheusExporter(UniqueMeterName()).BuildServiceProvider();
        var exporter = provider.GetRequiredService<PrometheusExporter>();
        Assert.Same(exporter, provider.GetRequiredService<PrometheusExporter>());

        provider.Dispose();

        Assert.Throws<ObjectDisposedException>(() => exporter.Render());
    }

    [Fact]
    public async Task MapPrometheusMetrics_Get_ServesExpositionWithVersionedContentType()
    {
        using var meter = new Meter(UniqueMeterName());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPrometheusExporter(meter.Name);
        await using var app = builder.Build();
        app.MapPrometheusMetrics();
        await app.StartAsync();
        // Recorded after mapping but before the first scrape: mapping must have started the exporter.
        meter.CreateCounter<int>("api.calls").Add(4);

        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        await app.StopAsync();

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Lines("# TYPE api_calls_total counter", "api_calls_total 4"), body);
        var endpoint = Assert.Single(((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints));
        Assert.True(endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription);
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    // One meter name per test: tests run in parallel with other classes and a listener sees every meter in the process.
    private static string UniqueMeterName([CallerMemberName] string test = "") => $"Runtime.Tests.Diagnostics.{test}";

    private static string[] UpperBounds(string[] lines, string bucketName) =>
    [
        .. lines
            .Where(line => line.StartsWith(bucketName + "{le=\"", StringComparison.Ordinal))
            .Select(line => line.Split('"')[1]),
    ];
}
