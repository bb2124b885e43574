namespace Grains.Interfaces.Events;

/// <summary>Why one field of an input is invalid.</summary>
public sealed record ValidationError(string Field, string Reason)
{
    public override string ToString() => $"{Field}: {Reason}";
}
