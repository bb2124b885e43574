namespace Runtime.Grains;

/// <summary>
/// Implemented by a grain class that receives durable messages sent by other grains with
/// <see cref="Grain.Send{TInterface, TMessage}"/>. Each message is delivered exactly once, in the
/// order its source partition sent it, even across crashes of the sender or the receiver.
/// </summary>
/// <typeparam name="TMessage">The message type, registered with <c>AddMessage</c>.</typeparam>
public interface IMessageConsumer<in TMessage>
{
    /// <summary>Applies one message. Throwing sends it to the dead-letter topic with the exception's message.</summary>
    ValueTask OnMessageAsync(TMessage message, MessageContext context);
}
