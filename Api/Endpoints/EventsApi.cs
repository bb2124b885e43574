using Api.Security;
using Api.Validation;
using Grains.Decisions;
using Grains.Interfaces;
using Grains.Interfaces.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Runtime.Hosting;

namespace Api.Endpoints;

/// <summary><c>POST /v1/events</c>: a batch of 1 to 1,000 interaction events, all valid or none written.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/events").WithTags("Events").RequireAuthorization(ApiPolicies.Service);
        group.MapPost("", IngestAsync)
            .WithName("PostEvents")
            .WithSummary("Ingests a batch of interaction events")
            .WithDescription("Validates every event first; one invalid event rejects the batch (400, each error named [index].field). Answers 202 once the events are durable in the events topic.")
            .Accepts<InteractionEvent[]>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    internal static async Task<Results<Accepted<EventsAccepted>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpRequest request, SiloRuntime runtime, ExposureLog log, TimeProvider time)
    {
        var (events, problem) = await ApiBody.ReadAsync(request, GrainsJsonContext.Default.InteractionEventArray).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = RequestValidator.Events(events!, time.GetUtcNow());
        if (errors.Count > 0)
        {
            return ApiValidation.Problem(errors);
        }

        if (runtime.PartitionCount == 0)
        {
            return TypedResults.Problem("The silo has not joined its cluster yet; retry shortly.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready");
        }

        foreach (var interaction in events!)
        {
            log.Append(interaction);
        }

        // 202 promises durability: the batch must be acknowledged by the log before the answer.
        await runtime.Producer.FlushAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Accepted((string?)null, new EventsAccepted(events!.Length));
    }
}
