namespace Experimentation.Bandits;

/// <summary>
/// Draws arms from fixed probabilities through a cumulative table; the per-decision hot path.
/// Immutable, so one instance serves concurrent callers (each with its own randomness).
/// </summary>
public sealed class PolicySampler
{
    private readonly double[] _cumulative;
    private readonly double[] _probabilities;
    private readonly int _lastPositive;

    /// <param name="probabilities">Non-negative weights with a positive sum; they are normalised.</param>
    public PolicySampler(IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.Count == 0)
        {
            throw new ArgumentException("A policy needs at least one arm.", nameof(probabilities));
        }

        var total = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0) || !double.IsFinite(p))
            {
                throw new ArgumentException($"Probability of arm {i} is '{p}': it must be finite and not negative.", nameof(probabilities));
            }

            total += p;
            if (p > 0)
            {
                _lastPositive = i;
            }
        }

        if (!(total > 0))
        {
            throw new ArgumentException("Probabilities must have a positive sum.", nameof(probabilities));
        }

        _probabilities = new double[probabilities.Count];
        _cumulative = new double[probabilities.Count];
        var running = 0.0;
        for (var i = 0; i < _probabilities.Length; i++)
        {
            _probabilities[i] = probabilities[i] / total;
            running += _probabilities[i];
            _cumulative[i] = running;
        }

        // Rounding may leave the sum a hair below 1; from the last arm that can win on, nothing is left over.
        for (var i = _lastPositive; i < _cumulative.Length; i++)
        {
            _cumulative[i] = 1.0;
        }
    }

    public int ArmCount => _probabilities.Length;

    /// <summary>Normalised probability of choosing <paramref name="arm"/>.</summary>
    public double Probability(int arm) => _probabilities[arm];

    /// <summary>The arm for a uniform draw <paramref name="u"/> in [0, 1), with its propensity.</summary>
    public ArmChoice Choose(double u)
    {
        if (!(u >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(u), u, "A uniform draw must be in [0, 1).");
        }

        // First index whose cumulative probability exceeds u; zero-probability arms have empty intervals.
        var low = 0;
        var high = _lastPositive;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_cumulative[middle] > u)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return new ArmChoice(low, _probabilities[low]);
    }

    public ArmChoice Choose(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Choose(random.NextDouble());
    }
}
