using Runtime.Grains;

namespace Runtime.Processing;

/// <summary>Applies a decoded event or message to the grain that consumes it, inside the current turn.</summary>
internal interface IGrainDelivery
{
    /// <summary>The grain type name that consumes what this delivers.</summary>
    string GrainType { get; }

    /// <summary>Applies one decoded item to the grain.</summary>
    ValueTask DeliverAsync(Grain grain, object item, EventContext context);
}
