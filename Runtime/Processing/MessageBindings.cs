namespace Runtime.Processing;

/// <summary>Every durable message type of the silo, by wire name and by (receiver interface, message type).</summary>
internal sealed class MessageBindings
{
    private readonly Dictionary<string, IMessageBinding> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(Type Interface, Type Message), IMessageBinding> _byType = [];

    public void Add(IMessageBinding binding)
    {
        if (!_byKind.TryAdd(binding.Kind, binding))
        {
            throw new InvalidOperationException($"Message kind '{binding.Kind}' is registered twice.");
        }

        if (!_byType.TryAdd((binding.InterfaceType, binding.MessageType), binding))
        {
            throw new InvalidOperationException($"{binding.MessageType.Name} to {binding.InterfaceType.Name} is registered twice.");
        }
    }

    public bool TryGet(string kind, out IMessageBinding binding) => _byKind.TryGetValue(kind, out binding!);

    public IMessageBinding Get(Type grainInterface, Type message) =>
        _byType.TryGetValue((grainInterface, message), out var binding)
            ? binding
            : throw new InvalidOperationException($"No message {message.Name} to {grainInterface.Name} is registered: call AddMessage<{grainInterface.Name}, {message.Name}>() on the runtime builder.");
}
