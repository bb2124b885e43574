using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Api.Security;

/// <summary>
/// The configured keys, looked up by a SHA-256 of the presented key so the comparison takes the same
/// time whatever the key, and no secret stays in a dictionary of plain strings.
/// </summary>
public sealed class ApiKeyTable
{
    private readonly Dictionary<string, (string Name, string Role)> _byHash = new(StringComparer.Ordinal);

    public ApiKeyTable(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, key) in options.Value.Keys)
        {
            _byHash[Hash(key.Key)] = (name, key.Role);
        }
    }

    public bool Enabled => _byHash.Count > 0;

    public bool TryMatch(string presented, out string name, out string role)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var found = _byHash.TryGetValue(Hash(presented), out var entry);
        (name, role) = found ? entry : ("", "");
        return found;
    }

    private static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
