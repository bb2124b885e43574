namespace Grains.Client;

/// <summary>The problem+json body the API answers errors with.</summary>
internal sealed record ApiProblem(string? Title, string? Detail, int? Status, Dictionary<string, string[]>? Errors);
