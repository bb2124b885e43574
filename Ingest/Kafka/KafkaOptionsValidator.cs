using Microsoft.Extensions.Options;

namespace Ingest.Kafka;

/// <summary>Start-up checks of <see cref="KafkaOptions"/>; each message names the key, its value and the rule.</summary>
internal sealed class KafkaOptionsValidator : IValidateOptions<KafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, KafkaOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BootstrapServers))
        {
            failures.Add($"Kafka:BootstrapServers = '{options.BootstrapServers}': must name at least one host:port.");
        }

        if (options.SessionTimeout < TimeSpan.FromSeconds(1) || options.SessionTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"Kafka:SessionTimeout = {options.SessionTimeout}: must be between 00:00:01 and 00:05:00.");
        }

        foreach (var (key, value) in options.Client.Where(pair => string.IsNullOrWhiteSpace(pair.Value)))
        {
            failures.Add($"Kafka:Client:{key} = '{value}': must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
