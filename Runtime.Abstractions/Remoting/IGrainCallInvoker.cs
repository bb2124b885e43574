namespace Runtime.Abstractions.Remoting;

/// <summary>Carries a grain call to wherever the grain lives: this process, another silo, or across HTTP from a client.</summary>
public interface IGrainCallInvoker
{
    /// <summary>Runs <paramref name="method"/> on grain <paramref name="grainId"/> and returns its boxed result (null for Task).</summary>
    Task<object?> InvokeAsync(GrainId grainId, GrainInterface grainInterface, GrainMethod method, object?[] arguments);
}
