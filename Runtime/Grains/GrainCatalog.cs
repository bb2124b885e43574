using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Runtime.Abstractions.Remoting;
using Runtime.Processing;

namespace Runtime.Grains;

/// <summary>What a silo hosts: its grain types, the event stream that feeds them, and the JSON metadata of their contracts.</summary>
public sealed class GrainCatalog
{
    private readonly List<IJsonTypeInfoResolver> _resolvers = [RemotingJsonContext.Default];
    private JsonSerializerOptions? _options;

    public GrainTypeRegistry Registry { get; } = new();

    internal Func<IServiceProvider, IEventStreamBinding>? EventStreamFactory { get; set; }

    internal MessageBindings Messages { get; } = new();

    internal List<Action<Snapshots.SnapshotCache>> SnapshotRegistrations { get; } = [];

    /// <summary>The JSON options used for grain calls: web defaults, resolved by the registered contexts only.</summary>
    public JsonSerializerOptions JsonOptions => _options ??= new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine([.. _resolvers]),

        // Grain results may carry undefined statistics (NaN, ±Infinity); they cross silos as named literals.
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    internal void AddResolver(IJsonTypeInfoResolver resolver)
    {
        if (_options is not null)
        {
            throw new InvalidOperationException("JSON contexts must be registered before the silo starts.");
        }

        _resolvers.Add(resolver);
    }

    /// <summary>Checks that every registered grain's contract types have JSON metadata.</summary>
    public void Validate()
    {
        var codec = new GrainCallCodec(JsonOptions);
        foreach (var registration in Registry.All)
        {
            codec.Validate(registration.Interface);
        }
    }
}
