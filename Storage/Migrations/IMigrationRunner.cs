namespace Storage.Migrations;

/// <summary>One database's way to serialise migrators and to record what was applied.</summary>
internal interface IMigrationRunner : IAsyncDisposable
{
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="migration"/> in its own transaction, after taking the database-wide
    /// migration lock, unless it is already recorded. Returns whether it ran; throws
    /// <see cref="SchemaMigrationException"/> when it is recorded with another checksum.
    /// </summary>
    Task<bool> ApplyAsync(SchemaMigration migration, CancellationToken cancellationToken);
}
