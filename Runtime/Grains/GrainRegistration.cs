using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions.Remoting;

namespace Runtime.Grains;

/// <summary>A grain interface bound to its implementation class.</summary>
public sealed class GrainRegistration
{
    private readonly ObjectFactory _factory;

    internal GrainRegistration(GrainInterface grainInterface, Type grainClass)
    {
        if (!grainClass.IsSealed || !typeof(Grain).IsAssignableFrom(grainClass) || !grainInterface.InterfaceType.IsAssignableFrom(grainClass))
        {
            throw new ArgumentException($"{grainClass.Name} must be a sealed class deriving from Grain and implementing {grainInterface.InterfaceType.Name}.", nameof(grainClass));
        }

        Interface = grainInterface;
        GrainClass = grainClass;
        _factory = ActivatorUtilities.CreateFactory(grainClass, Type.EmptyTypes);
    }

    public GrainInterface Interface { get; }

    public Type GrainClass { get; }

    /// <summary>The grain type name used on the wire and in storage.</summary>
    public string Name => Interface.Name;

    internal Grain Create(IServiceProvider services) => (Grain)_factory(services, null);
}
