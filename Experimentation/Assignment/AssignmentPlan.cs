namespace Experimentation.Assignment;

/// <summary>
/// The allocation of one experiment, prepared for <see cref="Assigner.Assign"/>: weights are normalized and
/// accumulated once here so that assigning a user is a few hashes and a short scan.
/// </summary>
public sealed class AssignmentPlan
{
    /// <summary>The first variant is the control: holdout users are shown it.</summary>
    public const int ControlIndex = 0;

    private readonly double[] _weights;
    private readonly double[] _cumulative;
    private readonly int _lastPositive;

    /// <param name="experimentId">The experiment's id, part of every hash key.</param>
    /// <param name="weights">One non-negative weight per variant; normalized by their sum.</param>
    /// <param name="salt">Reshuffles users when changed; defaults to the experiment id.</param>
    /// <param name="trafficAllocation">Share of users (of the layer range) who enter the experiment, in [0, 1].</param>
    /// <param name="holdout">Share of the allocated users held out and shown the control, in [0, 1].</param>
    /// <param name="layer">The experiment's bucket range in its layer, for mutual exclusion; null when it has none.</param>
    public AssignmentPlan(
        string experimentId,
        IReadOnlyList<double> weights,
        string? salt = null,
        double trafficAllocation = 1,
        double holdout = 0,
        LayerRange? layer = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        ArgumentNullException.ThrowIfNull(weights);
        ThrowIfNotShare(trafficAllocation, nameof(trafficAllocation));
        ThrowIfNotShare(holdout, nameof(holdout));
        if (weights.Count == 0)
        {
            throw new ArgumentException("At least one variant weight is required.", nameof(weights));
        }

        var sum = 0.0;
        foreach (var weight in weights)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException($"Weights must be finite and non-negative; got {weight}.", nameof(weights));
            }

            sum += weight;
        }

        if (sum <= 0)
        {
            throw new ArgumentException("At least one weight must be positive.", nameof(weights));
        }

        _weights = new double[weights.Count];
        _cumulative = new double[weights.Count];
        var running = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            _weights[i] = weights[i] / sum;
            running += _weights[i];
            _cumulative[i] = running;
            if (weights[i] > 0)
            {
                _lastPositive = i;
            }
        }

        ExperimentId = experimentId;
        Salt = string.IsNullOrEmpty(salt) ? experimentId : salt;
        KeyPrefix = BucketHasher.EncodeKeyPrefix(Salt, experimentId);
        LayerKeyPrefix = layer is { } range ? BucketHasher.EncodeKeyPrefix(range.Name, "") : [];
        TrafficAllocation = trafficAllocation;
        Holdout = holdout;
        Layer = layer;
    }

    public string ExperimentId { get; }

    public string Salt { get; }

    /// <summary>Normalized weights (sum 1), one per variant.</summary>
    public IReadOnlyList<double> Weights => _weights;

    public int VariantCount => _weights.Length;

    public double TrafficAllocation { get; }

    public double Holdout { get; }

    public LayerRange? Layer { get; }

    /// <summary>The hash key prefix of traffic, holdout and variant decisions: salt and experiment id.</summary>
    internal byte[] KeyPrefix { get; }

    /// <summary>The hash key prefix of layer membership: the layer name alone, shared by the layer's experiments.</summary>
    internal byte[] LayerKeyPrefix { get; }

    /// <summary>The variant whose cumulative-weight interval holds <paramref name="point"/> in [0, 1).</summary>
    internal int VariantAt(double point)
    {
        for (var i = 0; i < _cumulative.Length; i++)
        {
            // Strict comparison skips zero-weight variants, whose intervals are empty.
            if (point < _cumulative[i] && _weights[i] > 0)
            {
                return i;
            }
        }

        // Rounding can leave the last cumulative value a hair below 1.
        return _lastPositive;
    }

    internal double WeightOf(int variant) => _weights[variant];

    private static void ThrowIfNotShare(double share, string name)
    {
        if (!(share is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, share, "A share must lie in [0, 1].");
        }
    }
}
