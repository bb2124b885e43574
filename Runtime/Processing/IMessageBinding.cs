namespace Runtime.Processing;

/// <summary>One registered durable message type: how it is encoded, combined and delivered, without generics on the hot path.</summary>
internal interface IMessageBinding : IGrainDelivery
{
    /// <summary>The message's wire name, unique in the silo.</summary>
    string Kind { get; }

    Type MessageType { get; }

    /// <summary>The grain interface that receives it.</summary>
    Type InterfaceType { get; }

    /// <summary>Whether two pending messages to the same grain may be merged into one before they are sent.</summary>
    bool CanCombine { get; }

    object Combine(object pending, object next);

    byte[] Encode(object message);

    /// <summary>Decodes a payload; returns null with a reason when it is not a valid message.</summary>
    object? Decode(byte[] payload, out string? error);
}
