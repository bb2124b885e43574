using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Runtime.Abstractions;
using Runtime.Abstractions.Remoting;
using Runtime.Grains;
using Runtime.Hosting;

namespace Runtime.Remoting;

/// <summary>Serves grain calls forwarded by other silos, gateways and clients: <c>POST /_grains/{type}/{key}/{method}</c>.</summary>
public static class GrainCallEndpoints
{
    public static IEndpointConventionBuilder MapGrainCalls(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(GrainCallRoutes.Pattern, HandleAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> HandleAsync(
        string grainType, string grainKey, string method, HttpRequest request, GrainCatalog catalog, SiloRuntime runtime, GrainCallCodec codec)
    {
        if (!catalog.Registry.TryGet(grainType, out var registration))
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown grain type", $"No grain type named '{grainType}' is hosted here.");
        }

        if (!registration.Interface.TryGetMethod(method, out var grainMethod))
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown method", $"Grain type '{grainType}' has no method '{method}'.");
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        object?[] arguments;
        try
        {
            arguments = codec.DecodeArguments(grainMethod, body.GetBuffer().AsSpan(0, (int)body.Length));
        }
        catch (System.Text.Json.JsonException exception)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid arguments", exception.Message);
        }

        var grainId = new GrainId(grainType, grainKey);
        var partition = runtime.PartitionCount == 0 ? -1 : GrainPartitioner.PartitionOf(grainKey, runtime.PartitionCount);
        if (partition < 0 || !runtime.Manager.TryGetRunning(partition, out var processor))
        {
            return NotOwner(grainId, partition);
        }

        try
        {
            var result = await processor.InvokeAsync(grainId, grain => grainMethod.InvokeOnAsync(grain, arguments), request.HttpContext.RequestAborted).ConfigureAwait(false);
            return Results.Bytes(codec.EncodeResult(grainMethod, result), "application/json");
        }
        catch (GrainUnavailableException)
        {
            return NotOwner(grainId, partition);
        }
#pragma warning disable CA1031 // The grain's failure is the caller's answer; no stack trace leaves the silo.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var inner = exception is System.Reflection.TargetInvocationException { InnerException: { } cause } ? cause : exception;
            return Results.Json(
                new GrainCallProblem(GrainCallRoutes.GrainErrorProblemType, "The grain call failed", 500, inner.Message, inner.GetType().Name),
                RemotingJsonContext.Default.GrainCallProblem,
                "application/problem+json",
                StatusCodes.Status500InternalServerError);
        }
    }

    private static IResult NotOwner(GrainId grainId, int partition)
    {
        var problem = new GrainCallProblem(
            GrainCallRoutes.NotOwnerProblemType, "Not the owner", 503, $"This silo does not own partition {partition} of {grainId} right now; retry.", null);
        return Results.Json(problem, RemotingJsonContext.Default.GrainCallProblem, "application/problem+json", StatusCodes.Status503ServiceUnavailable);
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Json(new GrainCallProblem(null, title, status, detail, null), RemotingJsonContext.Default.GrainCallProblem, "application/problem+json", status);
}
