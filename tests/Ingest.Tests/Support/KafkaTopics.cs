using System.Diagnostics;
using TestInfrastructure;

namespace Ingest.Tests.Support;

/// <summary>
/// Creates a topic with an exact partition count. Kafka 0.9 has no CreateTopics request and
/// auto-creation uses the broker's default count, so this runs the broker's own TopicCommand
/// against ZooKeeper, as <c>scripts/deps topic</c> does.
/// </summary>
public static class KafkaTopics
{
    public static async Task CreateAsync(string topic, int partitions)
    {
        var settings = RealServices.Instance.Settings;
        var home = settings.GetValueOrDefault("DEPS_KAFKA_HOME") ?? throw new InvalidOperationException("DEPS_KAFKA_HOME is not set: eval \"$(scripts/deps env)\"");
        var zookeeper = settings.GetValueOrDefault("DEPS_ZOOKEEPER") ?? throw new InvalidOperationException("DEPS_ZOOKEEPER is not set");
        var jars = Directory.GetFiles(Path.Combine(home, "libs"), "*.jar")
            .Where(jar => !jar.EndsWith("-javadoc.jar", StringComparison.Ordinal) && !jar.EndsWith("-scaladoc.jar", StringComparison.Ordinal)
                && !jar.EndsWith("-sources.jar", StringComparison.Ordinal) && !jar.EndsWith("-test.jar", StringComparison.Ordinal));
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-Xmx256m", "-Djava.awt.headless=true", "-cp", string.Join(':', jars), "kafka.admin.TopicCommand", "--zookeeper", zookeeper,
            "--create", "--topic", topic, "--partitions", partitions.ToString(), "--replication-factor", "1",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start java");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        if (!stdout.Contains("Created topic", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"creating topic {topic} failed: {stdout} {await stderr}");
        }
    }
}
