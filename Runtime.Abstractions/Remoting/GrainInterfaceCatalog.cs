using System.Collections.Concurrent;
using System.Reflection;

namespace Runtime.Abstractions.Remoting;

/// <summary>
/// Reads and validates grain interfaces once per type. The rules keep every interface callable the
/// same way in-process and over HTTP: methods end in Async, return Task or Task&lt;T&gt;, are not
/// overloaded and take no ref or out parameters.
/// </summary>
public static class GrainInterfaceCatalog
{
    private static readonly ConcurrentDictionary<Type, GrainInterface> Cache = new();

    public static GrainInterface Get<TGrainInterface>() => Get(typeof(TGrainInterface));

    public static GrainInterface Get(Type interfaceType) => Cache.GetOrAdd(interfaceType, Build);

    /// <summary>The wire name: the <see cref="GrainTypeAttribute"/> name, else IUserGrain → user.</summary>
    public static string NameOf(Type interfaceType)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        var attribute = interfaceType.GetCustomAttribute<GrainTypeAttribute>();
        if (attribute is not null)
        {
            return attribute.Name;
        }

        var name = interfaceType.Name;
        if (name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name[1..];
        }

        if (name.EndsWith("Grain", StringComparison.Ordinal) && name.Length > "Grain".Length)
        {
            name = name[..^"Grain".Length];
        }

        return name.ToLowerInvariant();
    }

    private static GrainInterface Build(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !typeof(IGrainWithStringKey).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType.Name} must be an interface extending IGrainWithStringKey.", nameof(interfaceType));
        }

        var methods = new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .SelectMany(type => type.GetMethods())
            .ToList();
        var problems = new List<string>();
        foreach (var group in methods.GroupBy(method => method.Name).Where(group => group.Count() > 1))
        {
            problems.Add($"{group.Key} is overloaded");
        }

        foreach (var method in methods)
        {
            var returnType = method.ReturnType;
            var returnsTask = returnType == typeof(Task) || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>));
            if (!returnsTask)
            {
                problems.Add($"{method.Name} must return Task or Task<T>");
            }

            if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                problems.Add($"{method.Name} must end in Async");
            }

            if (method.GetParameters().Any(parameter => parameter.ParameterType.IsByRef))
            {
                problems.Add($"{method.Name} has a ref or out parameter");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Grain interface {interfaceType.Name} is invalid: {string.Join("; ", problems)}.", nameof(interfaceType));
        }

        return new GrainInterface(interfaceType, NameOf(interfaceType), methods.Select(method => new GrainMethod(method)).ToList());
    }
}
