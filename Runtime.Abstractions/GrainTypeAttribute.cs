namespace Runtime.Abstractions;

/// <summary>
/// Names a grain interface on the wire and in storage. The name must stay stable across releases:
/// it is part of stored rows and of the URLs silos call each other on.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
