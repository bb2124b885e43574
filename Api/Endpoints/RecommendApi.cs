using Api.Security;
using Api.Validation;
using Grains.Interfaces;
using Grains.Interfaces.Recommendations;
using Grains.Recommendations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Endpoints;

/// <summary><c>POST /v1/recommend</c>: the top k items for a user, each with its propensity.</summary>
public static class RecommendApi
{
    public static RouteHandlerBuilder MapRecommendApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/v1/recommend", RecommendAsync)
            .WithTags("Recommendations")
            .RequireAuthorization(ApiPolicies.Service)
            .WithName("Recommend")
            .WithSummary("Ranks up to k items (the candidates, or the trending items) for the user")
            .Accepts<RecommendRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    internal static async Task<Results<Ok<RecommendResponse>, ValidationProblem>> RecommendAsync(HttpRequest request, RecommendationService recommendations)
    {
        var (body, problem) = await ApiBody.ReadAsync(request, GrainsJsonContext.Default.RecommendRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = RequestValidator.Recommendation(body!);
        return errors.Count > 0
            ? ApiValidation.Problem(errors)
            : TypedResults.Ok(await recommendations.RecommendAsync(body!).ConfigureAwait(false));
    }
}
