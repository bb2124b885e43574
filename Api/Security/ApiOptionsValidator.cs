using Microsoft.Extensions.Options;

namespace Api.Security;

/// <summary>Checks the <c>Api</c> section at start-up; each failure names the key, its value (never a secret) and the rule.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <summary>Shorter keys can be guessed; 16 characters of a random token are about 96 bits.</summary>
    public const int MinKeyLength = 16;

    public const int MaxKeyLength = 256;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IReadOnlyList<string> Failures(ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"Api:MaxRequestBodyBytes is {options.MaxRequestBodyBytes}; it must lie in 1024..67108864 (64 MiB).");
        }

        foreach (var (keyName, key) in options.Keys)
        {
            var path = $"Api:Keys:{keyName}";
            if (!IsName(keyName))
            {
                failures.Add($"{path}: the name '{keyName}' must be 1-64 characters of letters, digits, - and _.");
            }

            if (string.IsNullOrEmpty(key.Key))
            {
                failures.Add($"{path}:Key is empty; it is required.");
            }
            else if (key.Key.Length is < MinKeyLength or > MaxKeyLength || key.Key.Any(c => c <= ' ' || c > '~'))
            {
                failures.Add($"{path}:Key (of {key.Key.Length} characters, not shown) must be {MinKeyLength}-{MaxKeyLength} printable ASCII characters without spaces.");
            }

            if (!ApiRoles.All.Contains(key.Role, StringComparer.Ordinal))
            {
                failures.Add($"{path}:Role is '{key.Role}'; it must be one of: {string.Join(", ", ApiRoles.All)}.");
            }
        }

        foreach (var shared in options.Keys.Where(pair => !string.IsNullOrEmpty(pair.Value.Key)).GroupBy(pair => pair.Value.Key, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            failures.Add($"Api:Keys: {string.Join(" and ", shared.Select(pair => pair.Key))} have the same Key; each key must be unique so its role is unambiguous.");
        }

        if (options.KeysConfigured && options.InternalKey() is null)
        {
            failures.Add("Api:Keys: no key has Role 'admin'; at least one is required, because silos present it to each other on /_grains.");
        }

        return failures;
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
