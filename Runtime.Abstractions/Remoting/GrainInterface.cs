using System.Reflection;

namespace Runtime.Abstractions.Remoting;

/// <summary>A validated grain interface: its wire name and its methods.</summary>
public sealed class GrainInterface
{
    private readonly Dictionary<string, GrainMethod> _byName;
    private readonly Dictionary<MethodInfo, GrainMethod> _byMethod;

    internal GrainInterface(Type interfaceType, string name, IReadOnlyList<GrainMethod> methods)
    {
        InterfaceType = interfaceType;
        Name = name;
        Methods = methods;
        _byName = methods.ToDictionary(method => method.Name, StringComparer.Ordinal);
        _byMethod = methods.ToDictionary(method => method.Method);
    }

    public Type InterfaceType { get; }

    /// <summary>The stable grain type name (see <see cref="GrainTypeAttribute"/>).</summary>
    public string Name { get; }

    public IReadOnlyList<GrainMethod> Methods { get; }

    public bool TryGetMethod(string name, out GrainMethod method) => _byName.TryGetValue(name, out method!);

    public GrainMethod GetMethod(MethodInfo method) => _byMethod[method];
}
