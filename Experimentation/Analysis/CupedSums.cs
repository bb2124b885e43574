namespace Experimentation.Analysis;

/// <summary>
/// One variant's sufficient statistics for CUPED: per user, the in-experiment value Y and the same
/// metric before exposure X (0 for users not seen before).
/// </summary>
public readonly record struct CupedSums(double Count, double SumY, double SumYSquares, double SumX, double SumXSquares, double SumXY)
{
    /// <summary>One user's contribution.</summary>
    public static CupedSums ForUser(double y, double x) => new(1, y, y * y, x, x * x, x * y);

    public CupedSums Add(CupedSums other) => new(
        Count + other.Count,
        SumY + other.SumY,
        SumYSquares + other.SumYSquares,
        SumX + other.SumX,
        SumXSquares + other.SumXSquares,
        SumXY + other.SumXY);

    public static CupedSums operator +(CupedSums left, CupedSums right) => left.Add(right);

    internal double VarianceY => Centred(SumYSquares, SumY, SumY);

    internal double VarianceX => Centred(SumXSquares, SumX, SumX);

    internal double Covariance => Centred(SumXY, SumX, SumY);

    /// <summary>Sample (n − 1) co-moment from raw sums.</summary>
    private double Centred(double sumOfProducts, double sumA, double sumB) =>
        Count > 1 ? (sumOfProducts - sumA * sumB / Count) / (Count - 1) : 0;
}
