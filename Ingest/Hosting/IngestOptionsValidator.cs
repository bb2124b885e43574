using Ingest.Processing;
using Microsoft.Extensions.Options;

namespace Ingest.Hosting;

/// <summary>Start-up checks of <see cref="IngestOptions"/>; each message names the key, its value and the rule.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClusterName))
        {
            failures.Add($"Ingest:ClusterName = '{options.ClusterName}': must not be empty (it defaults to Cluster:Name).");
        }

        if (string.IsNullOrWhiteSpace(options.Topic))
        {
            failures.Add($"Ingest:Topic = '{options.Topic}': must name the topic to consume.");
        }

        if (options.MaxBatchSize is < 1 or > 100_000)
        {
            failures.Add($"Ingest:MaxBatchSize = {options.MaxBatchSize}: must be between 1 and 100000.");
        }

        if (options.BufferCapacity < options.MaxBatchSize)
        {
            failures.Add($"Ingest:BufferCapacity = {options.BufferCapacity}: must be at least Ingest:MaxBatchSize ({options.MaxBatchSize}).");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"Ingest:RetryDelay = {options.RetryDelay}: must be positive.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"Ingest:MaxRetryDelay = {options.MaxRetryDelay}: must be at least Ingest:RetryDelay ({options.RetryDelay}).");
        }

        if (options.InProcessPartitions is < 1 or > 1024)
        {
            failures.Add($"Ingest:InProcessPartitions = {options.InProcessPartitions}: must be between 1 and 1024.");
        }

        if (options.StopTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Ingest:StopTimeout = {options.StopTimeout}: must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
