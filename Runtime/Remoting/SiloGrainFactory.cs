using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;

namespace Runtime.Remoting;

/// <summary>The in-silo grain factory: references route through <see cref="SiloGrainCallInvoker"/>.</summary>
internal sealed class SiloGrainFactory(SiloGrainCallInvoker invoker) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey => GrainProxy.Create<TGrainInterface>(invoker, key);
}
