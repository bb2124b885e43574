namespace Experimentation.Analysis;

/// <summary>
/// Benjamini–Hochberg false-discovery-rate adjustment across metrics (or variants), as R
/// <c>p.adjust(p, method = "BH")</c>: reject the adjusted p-values below q to keep the FDR at q.
/// </summary>
public static class BenjaminiHochberg
{
    /// <summary>Adjusted p-values, in the order of <paramref name="pValues"/>.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var count = pValues.Count;
        if (pValues.Any(p => !(p >= 0 && p <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(pValues), "P-values must lie in [0, 1].");
        }

        // Stable ordering by decreasing p, like R's order(p, decreasing = TRUE), so ties resolve the same way.
        var order = Enumerable.Range(0, count).OrderByDescending(i => pValues[i]).ToArray();
        var adjusted = new double[count];
        var running = 1.0;
        for (var k = 0; k < count; k++)
        {
            var index = order[k];
            var rank = count - k;
            running = Math.Min(running, (double)count / rank * pValues[index]);
            adjusted[index] = running;
        }

        return adjusted;
    }
}
