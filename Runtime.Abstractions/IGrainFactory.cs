namespace Runtime.Abstractions;

/// <summary>Hands out references to grains. Callers never create or locate grains themselves.</summary>
public interface IGrainFactory
{
    /// <summary>
    /// Returns a reference to the grain with this key. The call itself does no I/O: the grain is
    /// activated, where its partition is owned, on the first method call.
    /// </summary>
    TGrainInterface GetGrain<TGrainInterface>(string key)
        where TGrainInterface : IGrainWithStringKey;
}
