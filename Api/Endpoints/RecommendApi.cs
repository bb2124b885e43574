using System.Text.Json.Serialization.Metadata;
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
    public static RouteHandlerBuilder MapRecommendApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var json = ApiJson.TypeInfo<RecommendResponse>(endpoints.ServiceProvider);
        return endpoints.MapPost("/v1/recommend", (HttpRequest request, RecommendationService recommendations) => RecommendAsync(request, recommendations, json))
            .WithTags("Recommendations")
            .RequireAuthorization(ApiPolicies.Service)
            .WithName("Recommend")
            .WithSummary("Ranks up to k items (the candidates, or the trending items) for the user")
            .Accepts<RecommendRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Results<JsonOk<RecommendResponse>, ValidationProblem>> RecommendAsync(
        HttpRequest request, RecommendationService recommendations, JsonTypeInfo<RecommendResponse> json)
    {
        var (body, problem) = await ApiBody.ReadAsync(request, GrainsJsonContext.Default.RecommendRequest).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = RequestValidator.Recommendation(body!);
        return errors.Count > 0
            ? ApiValidation.Problem(errors)
            : new JsonOk<RecommendResponse>(await recommendations.RecommendAsync(body!).ConfigureAwait(false), json);
    }
}
