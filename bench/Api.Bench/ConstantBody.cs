namespace Api.Bench;

/// <summary>The bare endpoint's answer: a small JSON object, about the size of a one-experiment decision's envelope.</summary>
internal sealed record ConstantBody(string Name, int Version, string Value);
