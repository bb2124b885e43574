using System.Reflection;

namespace Runtime.Abstractions.Remoting;

/// <summary>The object behind every grain reference: turns interface calls into invoker calls.</summary>
public class GrainProxy : DispatchProxy
{
    private IGrainCallInvoker? _invoker;
    private GrainInterface? _interface;
    private GrainId _grainId;

    /// <summary>Creates a reference of <typeparamref name="TGrainInterface"/> for <paramref name="key"/>.</summary>
    public static TGrainInterface Create<TGrainInterface>(IGrainCallInvoker invoker, string key)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        var grainInterface = GrainInterfaceCatalog.Get<TGrainInterface>();
        var reference = DispatchProxy.Create<TGrainInterface, GrainProxy>();
        var proxy = (GrainProxy)(object)reference;
        proxy._invoker = invoker;
        proxy._interface = grainInterface;
        proxy._grainId = new GrainId(grainInterface.Name, key);
        return reference;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.DeclaringType == typeof(object))
        {
            return targetMethod.Name switch
            {
                nameof(ToString) => _grainId.ToString(),
                nameof(GetHashCode) => _grainId.GetHashCode(),
                _ => targetMethod.Invoke(this, args),
            };
        }

        var method = _interface!.GetMethod(targetMethod);
        return method.AdaptResult(_invoker!.InvokeAsync(_grainId, _interface, method, args ?? []));
    }
}
