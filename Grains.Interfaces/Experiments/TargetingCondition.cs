using System.Text.Json;

namespace Grains.Interfaces.Experiments;

/// <summary>
/// One eligibility condition, for example <c>{"attribute":"device","operator":"in","values":["ios","android"]}</c>
/// or <c>{"attribute":"totalEvents","operator":"gte","value":10}</c>.
/// </summary>
public sealed record TargetingCondition
{
    /// <summary>A context attribute (device, location, custom keys) or a user feature (totalEvents, …).</summary>
    public string Attribute { get; set; } = "";

    /// <summary>One of <see cref="TargetingOperators.All"/>.</summary>
    public string Operator { get; set; } = "";

    /// <summary>A string or number for eq and neq; a number for gt, gte, lt and lte; absent otherwise.</summary>
    public JsonElement? Value { get; set; }

    /// <summary>The set for in and not_in; absent otherwise.</summary>
    public List<string>? Values { get; set; }
}
