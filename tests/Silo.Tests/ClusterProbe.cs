using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Grains.Interfaces.Users;
using TestInfrastructure;

namespace Silo.Tests;

/// <summary>Talks to silo processes the way an operator or another service would: HTTP and Kafka.</summary>
public sealed class ClusterProbe : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static Dictionary<string, string?> SiloEnvironment(string cluster, params (string Key, string Value)[] extra)
    {
        var environment = new Dictionary<string, string?>(RealServices.Instance.Settings.ToDictionary(p => p.Key, p => (string?)p.Value), StringComparer.Ordinal)
        {
            ["Cluster__Name"] = cluster,
            ["Kafka__SessionTimeout"] = "00:00:06",
            ["Runtime__HeartbeatInterval"] = "00:00:00.500",
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return environment;
    }

    public async Task<bool> IsReadyAsync(SiloProcess silo)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(silo.Address, "/health/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Reads one metric's value from the silo's /metrics (summing series whose line contains <paramref name="labelFilter"/>).</summary>
    public async Task<double> MetricAsync(SiloProcess silo, string name, string labelFilter = "")
    {
        return MetricsText.Sum(await _http.GetStringAsync(new Uri(silo.Address, "/metrics")), name, labelFilter);
    }

    public async Task<UserFeatures> FeaturesAsync(SiloProcess silo, string userId)
    {
        using var content = new StringContent("[]", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(silo.Address, $"/_grains/user/{Uri.EscapeDataString(userId)}/GetFeaturesAsync"), content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(GrainsJsonContext.Default.UserFeatures))!;
    }

    /// <summary>Calls a grain method over the silo's grain-call endpoint with JSON arguments; throws on an error status.</summary>
    public async Task<T?> CallGrainAsync<T>(SiloProcess silo, string grainType, string key, string method, string argumentsJson, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> resultType)
    {
        using var content = new StringContent(argumentsJson, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(silo.Address, $"/_grains/{grainType}/{Uri.EscapeDataString(key)}/{method}"), content);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(resultType);
    }

    /// <summary>
    /// A producer as an outside team would configure it: <paramref name="javaPartitioner"/> selects
    /// murmur2 (grain-aligned); otherwise librdkafka's default consistent-random partitioner.
    /// </summary>
    public static IProducer<string, string> Producer(bool javaPartitioner)
    {
        var config = new ProducerConfig { BootstrapServers = RealServices.Instance.KafkaBootstrapServers, LingerMs = 5 };
        foreach (var (key, value) in RealServices.Instance.KafkaClientProperties)
        {
            config.Set(key, value);
        }

        config.Set("partitioner", javaPartitioner ? "murmur2_random" : "consistent_random");
        return new ProducerBuilder<string, string>(config).Build();
    }

    public static string EventJson(string userId, long sequence) =>
        JsonSerializer.Serialize(
            new InteractionEvent
            {
                EventId = $"{userId}-{sequence}",
                UserId = userId,
                Type = "click",
                Timestamp = DateTimeOffset.UtcNow,
                Value = sequence,
            },
            GrainsJsonContext.Default.InteractionEvent);

    public void Dispose() => _http.Dispose();
}
