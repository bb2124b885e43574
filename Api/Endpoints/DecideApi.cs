using System.Text.Json.Serialization.Metadata;
using Api.Security;
using Api.Validation;
using Grains.Decisions;
using Grains.Interfaces;
using Grains.Interfaces.Decisions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Endpoints;

/// <summary><c>POST /v1/decide</c>: which variant of each experiment this user sees.</summary>
public static class DecideApi
{
    public static RouteHandlerBuilder MapDecideApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The configured HTTP options, as TypedResults.Ok would use: the wire format stays the same.
        var json = ApiJson.TypeInfo<DecisionResponse>(endpoints.ServiceProvider);
        return endpoints.MapPost("/v1/decide", (HttpRequest request, DecisionService decisions) => DecideAsync(request, decisions, json))
            .WithTags("Decisions")
            .RequireAuthorization(ApiPolicies.Service)
            .WithName("Decide")
            .WithSummary("Decides the user's variant in the given experiments (all running ones the user is eligible for when omitted)")
            .WithDescription("reason is one of hash, thompson, burn_in, holdout, not_targeted, stopped. An unknown experiment answers 404.")
            .Accepts<DecisionRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Results<JsonOk<DecisionResponse>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        HttpRequest request, DecisionService decisions, JsonTypeInfo<DecisionResponse> json)
    {
        var (body, problem) = await ApiBody.ReadAsync(request, GrainsJsonContext.Default.DecisionRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = RequestValidator.Decision(body!);
        if (errors.Count > 0)
        {
            return ApiValidation.Problem(errors);
        }

        var (response, unknown) = await decisions.DecideAsync(body!).ConfigureAwait(false);
        return response is null
            ? TypedResults.Problem($"Unknown experiments: {string.Join(", ", unknown)}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown experiment")
            : new JsonOk<DecisionResponse>(response, json);
    }
}
