namespace Runtime.Abstractions;

/// <summary>Identity of one grain: its type name (see <see cref="GrainTypeAttribute"/>) and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
