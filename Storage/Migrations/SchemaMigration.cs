namespace Storage.Migrations;

/// <summary>One embedded migration script: its version (the file's number prefix), name, text and checksum.</summary>
internal sealed record SchemaMigration(int Version, string FileName, string Sql, string Checksum);
