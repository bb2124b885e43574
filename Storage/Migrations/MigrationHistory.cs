namespace Storage.Migrations;

/// <summary>The table that records applied migrations, and the check both runners make against it.</summary>
internal static class MigrationHistory
{
    public const string Table = "storage_schema_history";

    /// <summary>Throws unless the recorded checksum is the file's: an applied script must never change.</summary>
    public static void EnsureUnchanged(SchemaMigration migration, string recordedFile, string recordedChecksum)
    {
        if (!string.Equals(recordedChecksum, migration.Checksum, StringComparison.Ordinal))
        {
            throw new SchemaMigrationException(
                $"Migration {migration.FileName} (version {migration.Version}) was applied as {recordedFile} with checksum {recordedChecksum}, " +
                $"but the embedded file now has checksum {migration.Checksum}. Applied migrations must not change: restore the file and add a new migration instead.");
        }
    }
}
