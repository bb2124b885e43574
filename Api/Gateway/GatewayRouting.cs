using System.Text.Json;

namespace Api.Gateway;

/// <summary>
/// Which grain key a request is about, so the gateway can send it to the silo owning that key's
/// partition: the user in <c>/v1/users/{userId}</c> or in a decide/recommend body, the experiment in
/// <c>/v1/experiments/{id}</c>. Null means any silo (an events batch spans many users).
/// </summary>
internal static class GatewayRouting
{
    public static string? KeyOf(PathString path, ReadOnlySpan<byte> body)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 3 && segments[0] == "v1" && segments[1] is "users" or "experiments")
        {
            return Uri.UnescapeDataString(segments[2]);
        }

        return segments.Length == 2 && segments[0] == "v1" && segments[1] is "decide" or "recommend" ? UserIdOf(body) : null;
    }

    /// <summary>The top-level <c>userId</c> string of a JSON object, without reading the rest into objects.</summary>
    public static string? UserIdOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isUser = reader.ValueTextEquals("userId"u8);
                reader.Read();
                if (isUser && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The silo answers malformed JSON with a 400 that names the field; any silo will do.
        }

        return null;
    }
}
