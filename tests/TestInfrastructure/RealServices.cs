using System.Diagnostics;

namespace TestInfrastructure;

/// <summary>
/// The real Kafka broker and PostgreSQL server that integration tests run against. Settings come
/// from the environment (<c>eval "$(scripts/deps env)"</c>); when absent, <c>scripts/deps up</c> is
/// run once per test process and its <c>env</c> output is read, so a plain <c>dotnet test</c> works too.
/// </summary>
public sealed class RealServices
{
    private static readonly Lazy<RealServices> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private RealServices(IReadOnlyDictionary<string, string> settings)
    {
        Settings = settings;
    }

    /// <summary>The process-wide instance; starts the services on first use.</summary>
    public static RealServices Instance => Shared.Value;

    /// <summary>Every setting as the silo reads it from the environment, for example <c>Kafka__BootstrapServers</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public string KafkaBootstrapServers => Settings["Kafka__BootstrapServers"];

    public string PostgresConnectionString => Settings["ConnectionStrings__Postgres"];

    /// <summary>librdkafka properties the broker needs (dotted names), for example <c>api.version.request</c>.</summary>
    public IReadOnlyDictionary<string, string> KafkaClientProperties =>
        Settings.Where(pair => pair.Key.StartsWith("Kafka__Client__", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key["Kafka__Client__".Length..].Replace('_', '.'), pair => pair.Value);

    /// <summary>The same settings as configuration keys (<c>Kafka:BootstrapServers</c>), for in-memory configuration.</summary>
    public IReadOnlyDictionary<string, string?> ConfigurationKeys =>
        Settings.ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);

    /// <summary>A name no other test or run uses: cluster names, topics, keys.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static RealServices Start()
    {
        var fromEnvironment = ReadEnvironment();
        if (fromEnvironment.ContainsKey("Kafka__BootstrapServers") && fromEnvironment.ContainsKey("ConnectionStrings__Postgres"))
        {
            return new RealServices(fromEnvironment);
        }

        var script = Path.Combine(RepositoryRoot(), "scripts", "deps");
        Run(script, "up");
        var exports = Run(script, "env");
        return new RealServices(ParseExports(exports));
    }

    private static Dictionary<string, string> ReadEnvironment()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var key = (string)entry.Key;
            if (key.StartsWith("Kafka__", StringComparison.Ordinal) || key.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || key.StartsWith("DEPS_", StringComparison.Ordinal))
            {
                result[key] = (string?)entry.Value ?? string.Empty;
            }
        }

        return result;
    }

    /// <summary>Parses <c>export NAME=value</c> lines, with optional single quotes around the value.</summary>
    public static Dictionary<string, string> ParseExports(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!raw.StartsWith("export ", StringComparison.Ordinal))
            {
                continue;
            }

            var assignment = raw["export ".Length..];
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            var value = assignment[(equals + 1)..];
            if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            {
                value = value[1..^1];
            }

            result[assignment[..equals]] = value;
        }

        return result;
    }

    /// <summary>The repository root: the nearest ancestor holding Orleans.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Orleans.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Orleans.sln not found above " + AppContext.BaseDirectory);
    }

    private static string Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish within 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout;
    }
}
