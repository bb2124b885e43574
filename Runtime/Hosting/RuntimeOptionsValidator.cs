using Microsoft.Extensions.Options;
using Runtime.Abstractions;
using Runtime.Kafka;

namespace Runtime.Hosting;

/// <summary>Validates the Runtime, Cluster, Kafka and Storage sections at start-up.</summary>
internal sealed class RuntimeOptionsValidator :
    IValidateOptions<RuntimeOptions>, IValidateOptions<ClusterOptions>, IValidateOptions<KafkaOptions>, IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, RuntimeOptions options)
    {
        var failures = new List<string>();
        OptionRules.Positive(failures, "Runtime:CheckpointInterval", options.CheckpointInterval);
        if (options.CheckpointInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Runtime:CheckpointInterval is '{options.CheckpointInterval}': it must be at most 00:05:00, or replay after a crash gets long.");
        }

        OptionRules.Positive(failures, "Runtime:MessageFlushInterval", options.MessageFlushInterval);
        OptionRules.Positive(failures, "Runtime:QuietCheckpointDelay", options.QuietCheckpointDelay);
        OptionRules.Positive(failures, "Runtime:IdleTimeout", options.IdleTimeout);
        OptionRules.Positive(failures, "Runtime:CallTimeout", options.CallTimeout);
        OptionRules.Positive(failures, "Runtime:CallRetryTimeout", options.CallRetryTimeout);
        OptionRules.Positive(failures, "Runtime:DirectoryRefreshInterval", options.DirectoryRefreshInterval);
        OptionRules.Positive(failures, "Runtime:HeartbeatInterval", options.HeartbeatInterval);
        OptionRules.InRange(failures, "Runtime:MaxBatchSize", options.MaxBatchSize, 1, 100_000);
        OptionRules.InRange(failures, "Runtime:PartitionQueueCapacity", options.PartitionQueueCapacity, 1, 10_000_000);
        if (!string.IsNullOrEmpty(options.AdvertisedAddress) && !Uri.TryCreate(options.AdvertisedAddress, UriKind.Absolute, out _))
        {
            failures.Add($"Runtime:AdvertisedAddress is '{options.AdvertisedAddress}': it must be an absolute URL such as http://10.0.0.5:8080.");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var failures = new List<string>();
        var value = options.Name ?? string.Empty;
        if (value.Length is 0 or > 64 || !value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
        {
            failures.Add($"Cluster:Name is '{value}': it must be 1 to 64 characters of lowercase letters, digits, '.', '_' or '-' (it is part of topic names).");
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var failures = new List<string>();
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        OptionRules.InRange(failures, "Kafka:Partitions", options.Partitions, 1, 10_000);
        OptionRules.InRange(failures, "Kafka:ReplicationFactor", options.ReplicationFactor, 1, 32);
        OptionRules.Positive(failures, "Kafka:SessionTimeout", options.SessionTimeout);
        foreach (var (key, _) in options.ClientProperties())
        {
            if (key is "enable.auto.commit" or "enable.auto.offset.store" or "partition.assignment.strategy" or "group.id")
            {
                failures.Add($"Kafka:Client:{key} is set: the runtime owns it (exactly-once and co-partitioning depend on it); remove it.");
            }
        }

        return Result(failures);
    }

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!options.UsePostgres && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Storage:SqlitePath is empty: set it, or set ConnectionStrings:Postgres for cluster mode.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
