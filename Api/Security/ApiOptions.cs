namespace Api.Security;

/// <summary>The <c>Api</c> section: keys and request limits.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Keys by name (the name shows in logs, never the key). None: the API listens on loopback only.</summary>
    public Dictionary<string, ApiKeyDefinition> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Largest accepted request body; a batch of 1,000 typical events is about 250 KB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    public bool KeysConfigured => Keys.Count > 0;

    /// <summary>The key silos present to each other on <c>/_grains</c>: the first admin key by name, or null without keys.</summary>
    public string? InternalKey() =>
        Keys.Where(pair => pair.Value.Role == ApiRoles.Admin).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value.Key).FirstOrDefault();
}
