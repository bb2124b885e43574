namespace Experimentation.Analysis;

/// <summary>
/// Two-proportion z-test of a treatment against the control, as R
/// <c>prop.test(c(xT, xC), c(nT, nC), correct = FALSE)</c>.
/// </summary>
public static class ProportionTest
{
    /// <summary>
    /// The pooled-variance z statistic and p-value (the test assumes equal rates under the null),
    /// the unpooled Wald interval of the absolute lift (R's interval) and a delta-method interval of
    /// the relative lift: Var(p̂T / p̂C) ≈ Var(p̂T) / p̂C² + p̂T² Var(p̂C) / p̂C⁴.
    /// </summary>
    public static ProportionComparison Compare(BinomialCounts control, BinomialCounts treatment, double level = 0.95)
    {
        control.EnsureValid(nameof(control));
        treatment.EnsureValid(nameof(treatment));
        if (control.Trials == 0 || treatment.Trials == 0)
        {
            throw new ArgumentException("Both arms need at least one trial.", nameof(control));
        }

        var critical = Distributions.NormalCritical(level);
        double nC = control.Trials;
        double nT = treatment.Trials;
        var pC = control.Rate;
        var pT = treatment.Rate;
        var pooled = (double)(control.Successes + treatment.Successes) / (nC + nT);
        var pooledSe = Math.Sqrt(pooled * (1 - pooled) * (1 / nC + 1 / nT));
        var lift = pT - pC;
        // All-or-nothing pooled rates have no variance: nothing can be told apart (R gives NaN there).
        var z = pooledSe > 0 ? lift / pooledSe : 0;
        var p = pooledSe > 0 ? Distributions.NormalTwoSided(z) : 1;

        var varianceC = pC * (1 - pC) / nC;
        var varianceT = pT * (1 - pT) / nT;
        var width = critical * Math.Sqrt(varianceC + varianceT);
        var absolute = new ConfidenceInterval(Math.Max(lift - width, -1), Math.Min(lift + width, 1), level);

        var relative = pC > 0 ? pT / pC - 1 : double.NaN;
        var relativeWidth = pC > 0 ? critical * Math.Sqrt(varianceT / (pC * pC) + pT * pT * varianceC / (pC * pC * pC * pC)) : double.NaN;
        return new ProportionComparison(
            pC,
            pT,
            z,
            p,
            lift,
            absolute,
            relative,
            new ConfidenceInterval(relative - relativeWidth, relative + relativeWidth, level));
    }
}
