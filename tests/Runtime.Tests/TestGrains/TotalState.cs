namespace Runtime.Tests.TestGrains;

public sealed record TotalState
{
    public long Events { get; set; }

    public long Sum { get; set; }

    public long Messages { get; set; }
}
