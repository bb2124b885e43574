namespace Ingest.Checkpoints;

/// <summary>Reads the DDL embedded from Checkpoints/Sql, so the scripts stay plain SQL files a migrator can take over.</summary>
internal static class SchemaScript
{
    public static string Read(string name)
    {
        var resource = $"Ingest.Checkpoints.Sql.{name}";
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema script {resource} is missing from the Ingest assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
