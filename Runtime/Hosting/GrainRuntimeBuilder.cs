using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;
using Runtime.Grains;
using Runtime.Processing;

namespace Runtime.Hosting;

/// <summary>Registers grain types, the event stream and contract JSON metadata with the runtime.</summary>
public sealed class GrainRuntimeBuilder(IServiceCollection services, GrainCatalog catalog)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>Binds a grain interface to its sealed implementation class.</summary>
    public GrainRuntimeBuilder AddGrain<TInterface, TGrain>()
        where TInterface : IGrainWithStringKey
        where TGrain : Grain, TInterface
    {
        catalog.Registry.Add<TInterface, TGrain>();
        return this;
    }

    /// <summary>
    /// Feeds the cluster's events topic to the grain type <typeparamref name="TInterface"/>, whose
    /// class must implement <see cref="IEventConsumer{TEvent}"/>. One stream per silo.
    /// </summary>
    public GrainRuntimeBuilder AddEventStream<TInterface, TEvent>(Func<IServiceProvider, IRecordDecoder<TEvent>> decoderFactory)
        where TInterface : IGrainWithStringKey
        where TEvent : class
    {
        if (catalog.EventStreamFactory is not null)
        {
            throw new InvalidOperationException("An event stream is already registered; a silo consumes one events topic.");
        }

        var grainType = GrainInterfaceCatalog.NameOf(typeof(TInterface));
        catalog.EventStreamFactory = provider => new EventStreamBinding<TEvent>(grainType, decoderFactory(provider));
        return this;
    }

    /// <summary>
    /// Registers a durable message that grains send to <typeparamref name="TInterface"/> grains with
    /// <c>Send</c>; the receiving class implements <see cref="IMessageConsumer{TMessage}"/>. With
    /// <paramref name="combine"/>, messages to the same grain within one checkpoint are merged into
    /// one before they are sent (aggregation at the source, so a hot receiver is not a bottleneck).
    /// The outbox owns a message once it is sent, so <paramref name="combine"/> may fold the second
    /// into the first in place and return the first; it runs once per message, so it should cost
    /// O(size of the second), not O(size of the first).
    /// </summary>
    public GrainRuntimeBuilder AddMessage<TInterface, TMessage>(string kind, JsonTypeInfo<TMessage> typeInfo, Func<TMessage, TMessage, TMessage>? combine = null)
        where TInterface : IGrainWithStringKey
        where TMessage : class
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        catalog.Messages.Add(new MessageBinding<TMessage>(kind, GrainInterfaceCatalog.NameOf(typeof(TInterface)), typeof(TInterface), typeInfo, combine));
        return this;
    }

    /// <summary>Lets every silo's <see cref="Snapshots.SnapshotCache"/> decode the snapshots that <typeparamref name="TInterface"/> grains publish.</summary>
    public GrainRuntimeBuilder AddSnapshot<TInterface, TSnapshot>(JsonTypeInfo<TSnapshot> typeInfo)
        where TInterface : IGrainWithStringKey
        where TSnapshot : class
    {
        catalog.SnapshotRegistrations.Add(cache => cache.Register<TInterface, TSnapshot>(typeInfo));
        return this;
    }

    /// <summary>Adds source-generated JSON metadata for grain call arguments and results.</summary>
    public GrainRuntimeBuilder AddJsonContext(JsonSerializerContext context)
    {
        catalog.AddResolver(context);
        return this;
    }
}
