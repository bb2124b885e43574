using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;

namespace Api.Endpoints;

/// <summary>
/// 200 with a JSON body for the hot endpoints (decide, recommend). <see cref="TypedResults.Ok{TValue}(TValue)"/>
/// serializes through the async writer and flushes a chunked body; this serializes in one synchronous
/// pass and hands Kestrel the body with its Content-Length, to send with the headers in one write.
/// </summary>
public sealed class JsonOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    private const string JsonContentType = "application/json; charset=utf-8";
    private readonly JsonTypeInfo<T> _type;

    public JsonOk(T value, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Value = value;
        _type = type;
    }

    public T Value { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = JsonSerializer.SerializeToUtf8Bytes(Value, _type);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;

        // Not flushed here: Kestrel sends it when the request ends, with the headers.
        response.BodyWriter.Write(body.AsSpan());
        return Task.CompletedTask;
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
