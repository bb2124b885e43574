using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Runtime.Grains;

/// <summary>
/// Writes grain state with a source-generated serializer's fast path when one is given. A context
/// that writes NaN and infinities as named literals (<c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c>)
/// cannot use the generated fast path, which made every checkpointed row about twice as dear to
/// write. The fast metadata must come from a context without that option; it refuses non-finite
/// numbers, and such a state is then written by the full metadata, so no state is ever unwritable.
/// Both produce the same bytes for finite numbers, and the full metadata reads either.
/// </summary>
internal static class StateSerializer
{
    public static byte[] Serialize<TState>(TState state, JsonTypeInfo<TState> stateType, JsonTypeInfo<TState>? finiteStateType)
    {
        if (finiteStateType is not null)
        {
            try
            {
                return JsonSerializer.SerializeToUtf8Bytes(state, finiteStateType);
            }
            catch (ArgumentException)
            {
                // A NaN or an infinity somewhere in the state: only the named literals can write it.
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(state, stateType);
    }
}
