using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace Storage.Migrations;

/// <summary>
/// Runs <see cref="SchemaMigrator"/> at the very first silo lifecycle stage. Orleans' membership
/// table is initialised at <see cref="ServiceLifecycleStage.RuntimeGrainServices"/> and ADO.NET
/// grain storage at <see cref="ServiceLifecycleStage.ApplicationServices"/>, both later, so the
/// tables and OrleansQuery rows they read exist by then.
/// </summary>
internal sealed class SchemaMigrationParticipant(
    StorageDatabase database,
    string connectionString,
    ILogger<SchemaMigrationParticipant> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrationParticipant), ServiceLifecycleStage.First, OnStartAsync);

    private Task OnStartAsync(CancellationToken cancellationToken) =>
        SchemaMigrator.MigrateAsync(database, connectionString, logger, cancellationToken);
}
