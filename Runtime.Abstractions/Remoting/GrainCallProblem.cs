namespace Runtime.Abstractions.Remoting;

/// <summary>The problem+json body of a failed grain call.</summary>
public sealed record GrainCallProblem(string? Type, string? Title, int? Status, string? Detail, string? ExceptionType);
