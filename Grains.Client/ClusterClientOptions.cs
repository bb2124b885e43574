using System.Text.Json.Serialization.Metadata;
using Grains.Interfaces;

namespace Grains.Client;

/// <summary>Where the cluster is and how patiently to call it.</summary>
public sealed class ClusterClientOptions
{
    /// <summary>One or more silo base URLs; the client learns the rest of the cluster from the first that answers <c>GET /v1/cluster</c>.</summary>
    public List<Uri> Seeds { get; set; } = [];

    /// <summary>Sent as <c>X-Api-Key</c>. Grain calls need an admin key; decide, recommend and events a service key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Upper bound of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call keeps retrying while ownership moves or silos are unreachable.</summary>
    public TimeSpan RetryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a connection attempt to a silo may take before it counts as unreachable.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the learned directory is used before it is re-read (it is re-read at once after a moved owner).</summary>
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>JSON metadata of the grain contracts' argument and result types; the project's contracts by default.</summary>
    public List<IJsonTypeInfoResolver> Contracts { get; set; } = [GrainsJsonContext.Default];

    /// <summary>Every problem with these options, each naming the option, its value and the rule; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (Seeds is not { Count: > 0 })
        {
            failures.Add("Seeds is empty; at least one silo URL is required, for example http://127.0.0.1:5000.");
        }
        else
        {
            failures.AddRange(Seeds.Where(seed => seed is null || !seed.IsAbsoluteUri || (seed.Scheme != Uri.UriSchemeHttp && seed.Scheme != Uri.UriSchemeHttps))
                .Select(seed => $"Seeds contains '{seed}'; each seed must be an absolute http or https URL."));
        }

        if (ApiKey is not null && (ApiKey.Length == 0 || ApiKey.Any(c => c <= ' ' || c > '~')))
        {
            failures.Add("ApiKey (not shown) must be printable ASCII without spaces, or null for a cluster without keys.");
        }

        Positive(failures, nameof(RequestTimeout), RequestTimeout);
        Positive(failures, nameof(RetryTimeout), RetryTimeout);
        Positive(failures, nameof(ConnectTimeout), ConnectTimeout);
        Positive(failures, nameof(DirectoryRefreshInterval), DirectoryRefreshInterval);
        if (Contracts is not { Count: > 0 })
        {
            failures.Add("Contracts is empty; the grain contracts' JsonSerializerContext (for example GrainsJsonContext.Default) is required.");
        }

        return failures;
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} is {value}; it must be positive.");
        }
    }
}
