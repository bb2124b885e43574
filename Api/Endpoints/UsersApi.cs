using Api.Security;
using Api.Validation;
using Grains.Interfaces.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Runtime.Abstractions;

namespace Api.Endpoints;

/// <summary><c>/v1/users/{userId}</c>: a user's rolling features (service) and erasure (admin).</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/users/{userId}").WithTags("Users");
        group.MapGet("/features", GetFeaturesAsync)
            .RequireAuthorization(ApiPolicies.Service)
            .WithName("GetUserFeatures")
            .WithSummary("Reads a user's rolling features; a user never seen has totalEvents 0")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("", EraseAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("EraseUser")
            .WithSummary("Erases everything known about a user, durably")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    internal static async Task<Results<Ok<UserFeatures>, ValidationProblem>> GetFeaturesAsync(string userId, IGrainFactory grains)
    {
        if (ApiValidation.PathId("userId", userId) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await grains.GetGrain<IUserGrain>(userId).GetFeaturesAsync().ConfigureAwait(false));
    }

    internal static async Task<Results<NoContent, ValidationProblem>> EraseAsync(string userId, IGrainFactory grains)
    {
        if (ApiValidation.PathId("userId", userId) is { } problem)
        {
            return problem;
        }

        await grains.GetGrain<IUserGrain>(userId).EraseAsync().ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
