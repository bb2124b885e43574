using System.Text.Json.Nodes;
using Api.Security;
using Api.Validation;
using Grains.Decisions;
using Grains.Interfaces;
using Grains.Interfaces.Experiments;
using Microsoft.AspNetCore.Http.HttpResults;
using Runtime.Abstractions;

namespace Api.Endpoints;

/// <summary><c>/v1/experiments</c>: define, read, stop experiments and read their results (admin).</summary>
public static class ExperimentsApi
{
    public static RouteGroupBuilder MapExperimentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/experiments").WithTags("Experiments").RequireAuthorization(ApiPolicies.Admin);
        group.MapGet("", List).WithName("ListExperiments").WithSummary("Every experiment's current definition");
        group.MapGet("/{id}", GetAsync).WithName("GetExperiment").WithSummary("One experiment's definition");
        group.MapPut("/{id}", DefineAsync)
            .WithName("PutExperiment")
            .WithSummary("Creates or replaces an experiment; the path names it, so the body needs no id (one that differs answers 400). 400 with every reason when the definition is invalid")
            .Accepts<ExperimentDefinition>("application/json")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = JsonNode.Parse(ExperimentExamples.CheckoutButton);
                }

                return Task.CompletedTask;
            });
        group.MapPost("/{id}/stop", StopAsync).WithName("StopExperiment").WithSummary("Stops an experiment: decisions then answer its control with reason stopped");
        group.MapGet("/{id}/results", ResultsAsync)
            .WithName("GetExperimentResults")
            .WithSummary("Per variant: exposures, conversions, rate, posterior, probability of being best, traffic share; and the SRM check");
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    internal static Ok<List<ExperimentDefinition>> List(ExperimentCatalog catalog) =>
        TypedResults.Ok(catalog.All().Select(snapshot => snapshot.Definition).ToList());

    internal static async Task<Results<Ok<ExperimentDefinition>, ValidationProblem, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains)
    {
        if (ApiValidation.PathId("id", id) is { } problem)
        {
            return problem;
        }

        var definition = await grains.GetGrain<IExperimentGrain>(id).GetDefinitionAsync().ConfigureAwait(false);
        return definition is null ? NotFound(id) : TypedResults.Ok(definition);
    }

    internal static async Task<Results<Ok<ExperimentDefinition>, ValidationProblem>> DefineAsync(string id, HttpRequest request, IGrainFactory grains, ExperimentCatalog catalog)
    {
        if (ApiValidation.PathId("id", id) is { } pathProblem)
        {
            return pathProblem;
        }

        var (definition, problem) = await ApiBody.ReadAsync(request, GrainsJsonContext.Default.ExperimentDefinition).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        // The path names the experiment: a body without an id takes it; one with another id is refused below.
        if (string.IsNullOrEmpty(definition!.Id))
        {
            definition.Id = id;
        }

        var errors = ExperimentValidator.Validate(definition, id).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(ExperimentLayerRules.Validate(definition, catalog.All().Select(snapshot => snapshot.Definition)));
        }

        return errors.Count > 0
            ? ApiValidation.Problem(errors)
            : TypedResults.Ok(await grains.GetGrain<IExperimentGrain>(id).DefineAsync(definition).ConfigureAwait(false));
    }

    internal static async Task<Results<Ok<ExperimentDefinition>, ValidationProblem, ProblemHttpResult>> StopAsync(string id, IGrainFactory grains)
    {
        if (ApiValidation.PathId("id", id) is { } problem)
        {
            return problem;
        }

        var stopped = await grains.GetGrain<IExperimentGrain>(id).StopAsync().ConfigureAwait(false);
        return stopped is null ? NotFound(id) : TypedResults.Ok(stopped);
    }

    internal static async Task<Results<Ok<ExperimentResults>, ValidationProblem, ProblemHttpResult>> ResultsAsync(string id, IGrainFactory grains)
    {
        if (ApiValidation.PathId("id", id) is { } problem)
        {
            return problem;
        }

        var results = await grains.GetGrain<IExperimentGrain>(id).GetResultsAsync().ConfigureAwait(false);
        return results is null ? NotFound(id) : TypedResults.Ok(results);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No experiment '{id}' is defined.", statusCode: StatusCodes.Status404NotFound, title: "Unknown experiment");
}
