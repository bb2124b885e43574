using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Runtime.Grains;

namespace Runtime.Processing;

/// <summary>The typed binding of a message type to the grain class that implements <see cref="IMessageConsumer{TMessage}"/>.</summary>
internal sealed class MessageBinding<TMessage>(
    string kind,
    string grainType,
    Type interfaceType,
    JsonTypeInfo<TMessage> typeInfo,
    Func<TMessage, TMessage, TMessage>? combine) : IMessageBinding
    where TMessage : class
{
    public string Kind { get; } = kind;

    public string GrainType { get; } = grainType;

    public Type MessageType => typeof(TMessage);

    public Type InterfaceType { get; } = interfaceType;

    public bool CanCombine => combine is not null;

    public object Combine(object pending, object next) =>
        combine is null ? throw new InvalidOperationException($"Message kind '{Kind}' does not combine.") : combine((TMessage)pending, (TMessage)next);

    public byte[] Encode(object message) => JsonSerializer.SerializeToUtf8Bytes((TMessage)message, typeInfo);

    public object? Decode(byte[] payload, out string? error)
    {
        try
        {
            var message = JsonSerializer.Deserialize(payload, typeInfo);
            error = message is null ? "the message payload is null" : null;
            return message;
        }
        catch (JsonException exception)
        {
            error = $"the {Kind} message is not valid JSON for {typeof(TMessage).Name}: {exception.Message}";
            return null;
        }
    }

    public ValueTask DeliverAsync(Grain grain, object item, EventContext context) =>
        grain is IMessageConsumer<TMessage> consumer
            ? consumer.OnMessageAsync((TMessage)item, new MessageContext(context.Partition, context.Offset))
            : throw new InvalidOperationException($"{grain.GetType().Name} does not implement IMessageConsumer<{typeof(TMessage).Name}>.");
}
