using Api.Security;
using Api.Validation;
using Experimentation.Analysis;
using Grains.Interfaces.Events;
using Grains.Interfaces.Experiments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Endpoints;

/// <summary><c>GET /v1/experiments/sample-size</c>: how many users per variant an experiment needs (admin).</summary>
public static class PlanningApi
{
    public static RouteHandlerBuilder MapPlanningApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/v1/experiments/sample-size", SampleSizeAsync)
            .WithTags("Experiments")
            .WithName("GetSampleSize")
            .WithSummary("Users per variant to detect an absolute lift of a conversion rate (two-sided two-proportion test, as R's power.prop.test)")
            .RequireAuthorization(ApiPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    internal static Results<Ok<SampleSizePlan>, ValidationProblem> SampleSizeAsync(double? baselineRate, double? minimumDetectableEffect, double? alpha, double? power)
    {
        var (a, p) = (alpha ?? 0.05, power ?? 0.8);
        var errors = new List<ValidationError>();
        if (baselineRate is not (> 0 and < 1))
        {
            errors.Add(new("baselineRate", baselineRate is null ? "is required (a rate in (0, 1), for example 0.1)" : $"is {baselineRate}; it must lie in (0, 1)"));
        }

        if (minimumDetectableEffect is null or 0 || (baselineRate is > 0 and < 1 && baselineRate + minimumDetectableEffect is not (> 0 and < 1)))
        {
            errors.Add(new("minimumDetectableEffect", minimumDetectableEffect is null
                ? "is required (an absolute change of the rate, for example 0.01)"
                : $"is {minimumDetectableEffect}; it must be non-zero and keep baselineRate + minimumDetectableEffect in (0, 1)"));
        }

        if (a is not (> 0 and < 1))
        {
            errors.Add(new("alpha", $"is {a}; it must lie in (0, 1)"));
        }

        if (p is not (> 0 and < 1) || p <= a)
        {
            errors.Add(new("power", $"is {p}; it must lie in (alpha, 1)"));
        }

        if (errors.Count > 0)
        {
            return ApiValidation.Problem(errors);
        }

        var exact = SampleSize.UsersPerVariant(baselineRate!.Value, minimumDetectableEffect!.Value, a, p);
        return TypedResults.Ok(new SampleSizePlan(baselineRate.Value, minimumDetectableEffect.Value, a, p, exact, (long)Math.Ceiling(exact)));
    }
}
