using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Storage.Migrations;

/// <summary>Reads the embedded <c>Migrations/&lt;Database&gt;/NNNN_name.sql</c> scripts in version order.</summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<SchemaMigration> For(StorageDatabase database)
    {
        var prefix = $"Migrations/{database}/";
        var assembly = typeof(MigrationCatalog).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Select(name => (Resource: name, Path: name.Replace('\\', '/')))
            .Where(item => item.Path.StartsWith(prefix, StringComparison.Ordinal) && item.Path.EndsWith(".sql", StringComparison.Ordinal))
            .Select(item => Load(assembly, item.Resource, item.Path[prefix.Length..]))
            .OrderBy(migration => migration.Version)
            .ToList();

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SchemaMigrationException($"Migrations {string.Join(" and ", duplicate.Select(m => m.FileName))} share version {duplicate.Key}.");
        }

        return migrations;
    }

    /// <summary>SHA-256 of the script with line endings normalised, so a checkout's CRLF conversion is not a change.</summary>
    public static string Checksum(string sql)
    {
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    private static SchemaMigration Load(Assembly assembly, string resourceName, string fileName)
    {
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(fileName.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new SchemaMigrationException($"Migration file {fileName} does not start with a version number and an underscore (NNNN_name.sql).");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new SchemaMigrationException($"Migration resource {resourceName} could not be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd();
        return new SchemaMigration(version, fileName, sql, Checksum(sql));
    }
}
