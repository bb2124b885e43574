using Runtime.Abstractions.Remoting;

namespace Runtime.Grains;

/// <summary>Every grain type this silo can activate, by interface and by wire name.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<string, GrainRegistration> _byName = new(StringComparer.Ordinal);

    /// <summary>Binds <typeparamref name="TInterface"/> to <typeparamref name="TGrain"/>.</summary>
    public GrainRegistration Add<TInterface, TGrain>()
        where TInterface : Abstractions.IGrainWithStringKey
        where TGrain : Grain, TInterface
    {
        var registration = new GrainRegistration(GrainInterfaceCatalog.Get<TInterface>(), typeof(TGrain));
        if (!_byName.TryAdd(registration.Name, registration))
        {
            throw new InvalidOperationException($"Grain type name '{registration.Name}' is registered twice.");
        }

        return registration;
    }

    public IReadOnlyCollection<GrainRegistration> All => _byName.Values;

    public bool TryGet(string name, out GrainRegistration registration) => _byName.TryGetValue(name, out registration!);

    public GrainRegistration Get(string name) =>
        _byName.TryGetValue(name, out var registration)
            ? registration
            : throw new KeyNotFoundException($"No grain type named '{name}' is registered in this silo.");
}
