using Microsoft.Extensions.Options;
using Runtime.Abstractions;

namespace Dashboard;

/// <summary>Validates the Dashboard section at start-up, naming the key, the value and the rule.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    private static readonly TimeSpan MinSampleInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxSampleInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxHistoryWindow = TimeSpan.FromHours(24);
    private const int MaxSamples = 100_000;

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.InRange(failures, "Dashboard:SampleInterval", options.SampleInterval, MinSampleInterval, MaxSampleInterval);
        if (options.HistoryWindow < options.SampleInterval || options.HistoryWindow > MaxHistoryWindow)
        {
            failures.Add($"Dashboard:HistoryWindow is '{options.HistoryWindow}': it must be at least Dashboard:SampleInterval and at most {MaxHistoryWindow}.");
        }
        else if (options.SampleInterval >= MinSampleInterval && options.Capacity > MaxSamples)
        {
            // The ring is allocated up front; a tiny interval over a long window would hold it all in memory.
            failures.Add($"Dashboard:HistoryWindow '{options.HistoryWindow}' over Dashboard:SampleInterval '{options.SampleInterval}' is {options.Capacity} samples: at most {MaxSamples} are kept.");
        }

        if (options.PeerTimeout <= TimeSpan.Zero || options.PeerTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add($"Dashboard:PeerTimeout is '{options.PeerTimeout}': it must be greater than zero and at most 00:00:30.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
