using Microsoft.Extensions.Options;
using Runtime.Hosting;

namespace Api.Gateway;

/// <summary>Checks the gateway's settings at start-up, naming the key, the value and the rule.</summary>
internal sealed class GatewayOptionsValidator(IOptions<StorageOptions> storage) : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (!storage.Value.UsePostgres)
        {
            failures.Add("ConnectionStrings:Postgres is empty; the standalone gateway reads the partition directory from PostgreSQL (cluster mode). In embedded mode the silo serves the API itself.");
        }

        Positive(failures, "Gateway:RetryTimeout", options.RetryTimeout);
        Positive(failures, "Gateway:RequestTimeout", options.RequestTimeout);
        Positive(failures, "Gateway:DirectoryRefreshInterval", options.DirectoryRefreshInterval);
        Positive(failures, "Gateway:SiloLiveness", options.SiloLiveness);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
        {
            failures.Add($"{key} is {value}; it must lie in (0, 01:00:00].");
        }
    }
}
