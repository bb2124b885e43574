using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Storage.Migrations;

namespace Storage.Hosting;

public static class SchemaMigrationSiloBuilderExtensions
{
    /// <summary>
    /// Applies the project's schema migrations to <paramref name="connectionString"/> when the silo
    /// starts, before clustering, reminders and grain storage start (lifecycle stage First).
    /// </summary>
    public static ISiloBuilder AddSchemaMigrations(this ISiloBuilder builder, StorageDatabase database, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
            new SchemaMigrationParticipant(database, connectionString, services.GetRequiredService<ILogger<SchemaMigrationParticipant>>()));
        return builder;
    }
}
