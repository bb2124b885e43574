using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Storage.GroupCommit;

namespace Storage.Hosting;

public static class GroupCommitSiloBuilderExtensions
{
    /// <summary>Adds a named group-commit grain storage provider (use with <c>[PersistentState("x", name)]</c>).</summary>
    public static ISiloBuilder AddGroupCommitGrainStorage(this ISiloBuilder builder, string name, Action<GroupCommitStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return builder.AddGroupCommitGrainStorage(name, options => options.Configure(configure));
    }

    /// <summary>Adds a named group-commit grain storage provider, configured through its options builder (for binding).</summary>
    public static ISiloBuilder AddGroupCommitGrainStorage(this ISiloBuilder builder, string name, Action<OptionsBuilder<GroupCommitStorageOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configureOptions);
        var services = builder.Services;
        var options = services.AddOptions<GroupCommitStorageOptions>(name);
        configureOptions(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GroupCommitStorageOptions>, GroupCommitStorageOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IPostConfigureOptions<GroupCommitStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<GroupCommitStorageOptions>>());
        services.AddGrainStorage(name, GroupCommitGrainStorage.Create);
        return builder;
    }

    /// <summary>Adds the group-commit provider as the silo's default grain storage.</summary>
    public static ISiloBuilder AddGroupCommitGrainStorageAsDefault(this ISiloBuilder builder, Action<GroupCommitStorageOptions> configure) =>
        builder.AddGroupCommitGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    /// <summary>Adds the group-commit provider as the silo's default grain storage, configured through its options builder.</summary>
    public static ISiloBuilder AddGroupCommitGrainStorageAsDefault(this ISiloBuilder builder, Action<OptionsBuilder<GroupCommitStorageOptions>> configureOptions) =>
        builder.AddGroupCommitGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);
}
