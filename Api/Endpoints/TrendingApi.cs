using System.Globalization;
using Api.Security;
using Api.Validation;
using Grains.Interfaces.Events;
using Grains.Interfaces.Trending;
using Grains.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Runtime.Abstractions;

namespace Api.Endpoints;

/// <summary><c>GET /v1/trending</c>: the most clicked items over the trending window, the pool recommend falls back to.</summary>
public static class TrendingApi
{
    public static RouteHandlerBuilder MapTrendingApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/v1/trending", GetTrendingAsync)
            .WithTags("Recommendations")
            .RequireAuthorization(ApiPolicies.Service)
            .WithName("GetTrending")
            .WithSummary("The top k items by clicks over the trending window, overall or in one category, most clicked first")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    // k is bound as text so that "k=three" answers a problem naming k, not a bare 400 from the binder.
    internal static async Task<Results<Ok<TrendingResponse>, ValidationProblem>> GetTrendingAsync(string? category, string? k, IGrainFactory grains)
    {
        var errors = new List<ValidationError>();
        var count = ApiLimits.DefaultTrending;
        if (k is not null && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > ApiLimits.MaxTrending))
        {
            errors.Add(new("k", $"is '{k}'; it must be an integer in 1..{ApiLimits.MaxTrending} (default {ApiLimits.DefaultTrending})"));
        }

        if (category is not null && (category.Length is 0 or > EventLimits.MaxTextLength || category.Any(char.IsControl)))
        {
            errors.Add(new("category", $"must be 1-{EventLimits.MaxTextLength} characters without control characters; omit it for the overall list"));
        }

        if (errors.Count > 0)
        {
            return ApiValidation.Problem(errors);
        }

        var items = await grains.GetGrain<ITrendingGrain>(UserGrain.GlobalKey).TopAsync(category, count).ConfigureAwait(false);
        return TypedResults.Ok(new TrendingResponse { Category = category, Items = items });
    }
}
