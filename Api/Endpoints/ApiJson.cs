using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;

namespace Api.Endpoints;

/// <summary>The JSON metadata of the configured HTTP options (ConfigureHttpJsonOptions), resolved once per endpoint.</summary>
internal static class ApiJson
{
    public static JsonTypeInfo<T> TypeInfo<T>(IServiceProvider services) =>
        (JsonTypeInfo<T>)services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions.GetTypeInfo(typeof(T));
}
