using Microsoft.Extensions.Options;
using Storage.Configuration;

namespace Storage.GroupCommit;

/// <summary>Rejects group-commit options at host start, naming the configuration key, the value and the rule.</summary>
internal sealed class GroupCommitStorageOptionsValidator : IValidateOptions<GroupCommitStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, GroupCommitStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionChecks.OneOf(failures, "Storage:Database", options.Database.ToString(), Enum.GetNames<StorageDatabase>());
        OptionChecks.NotEmpty(failures, "Storage:ConnectionString", options.ConnectionString);
        OptionChecks.InRange(failures, "Storage:MaxGroupSize", options.MaxGroupSize, 1, 10_000);
        OptionChecks.InRange(failures, "Storage:MaxConcurrentGroups", options.MaxConcurrentGroups, 1, 64);
        if (options.GrainStorageSerializer is null)
        {
            failures.Add($"Storage:GrainStorageSerializer of provider '{name}' is not set: register an IGrainStorageSerializer or set it in the options.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
