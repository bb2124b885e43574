using System.Text.Json;

namespace Runtime.Abstractions.Remoting;

/// <summary>
/// The JSON wire format of a grain call: the arguments as a JSON array in parameter order, the
/// result as a plain JSON value. Types are resolved through <see cref="JsonSerializerOptions.TypeInfoResolver"/>,
/// which callers build from the contracts' source-generated contexts (no reflection serialization).
/// </summary>
public sealed class GrainCallCodec(JsonSerializerOptions options)
{
    public JsonSerializerOptions Options { get; } = options;

    public byte[] EncodeArguments(GrainMethod method, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(arguments);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < method.ParameterTypes.Count; i++)
            {
                JsonSerializer.Serialize(writer, arguments[i], Options.GetTypeInfo(method.ParameterTypes[i]));
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads the arguments; throws <see cref="JsonException"/> naming the bad position.</summary>
    public object?[] DecodeArguments(GrainMethod method, ReadOnlySpan<byte> json)
    {
        ArgumentNullException.ThrowIfNull(method);
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The call body must be a JSON array of arguments.");
        }

        var arguments = new object?[method.ParameterTypes.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw new JsonException($"{method.Name} takes {arguments.Length} arguments; got {i}.");
            }

            arguments[i] = JsonSerializer.Deserialize(ref reader, Options.GetTypeInfo(method.ParameterTypes[i]));
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException($"{method.Name} takes {arguments.Length} arguments; got more.");
        }

        return arguments;
    }

    public byte[] EncodeResult(GrainMethod method, object? result)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.ResultType is null ? [] : JsonSerializer.SerializeToUtf8Bytes(result, Options.GetTypeInfo(method.ResultType));
    }

    public object? DecodeResult(GrainMethod method, ReadOnlySpan<byte> json)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.ResultType is null ? null : JsonSerializer.Deserialize(json, Options.GetTypeInfo(method.ResultType));
    }

    /// <summary>Fails at start-up, not at the first call, when a contract type has no JSON metadata.</summary>
    public void Validate(GrainInterface grainInterface)
    {
        ArgumentNullException.ThrowIfNull(grainInterface);
        foreach (var method in grainInterface.Methods)
        {
            foreach (var type in method.ParameterTypes.Append(method.ResultType).OfType<Type>())
            {
                if (!Options.TryGetTypeInfo(type, out _))
                {
                    throw new InvalidOperationException(
                        $"{grainInterface.InterfaceType.Name}.{method.Name} uses {type.Name}, which no registered JsonSerializerContext describes. Add [JsonSerializable(typeof({type.Name}))] to the contracts' context.");
                }
            }
        }
    }
}
