using Grains.Experiments;

namespace Grains.Users;

/// <summary>
/// A user's side of experiments. An exposure counts as a trial and opens the user's participation; a
/// reward credits the user's latest exposure of each experiment that expects it, once per decision. The
/// reward's time is the client's and the exposure's the server's, so a reward may be stamped up to
/// <c>tolerance</c> before its exposure; one that reaches the grain first is held that long for it.
/// Everything it decides lives in <see cref="UserState"/>, so a replay after a crash credits the same.
/// </summary>
/// <param name="tolerance">The clock-skew tolerance (<c>Decisions:ClockSkewTolerance</c>).</param>
/// <param name="holds">Whether events of a type are worth holding: some experiment rewards or guards them.</param>
public sealed class ExperimentAttribution(TimeSpan tolerance, Func<string, bool> holds)
{
    /// <summary>The credits an exposure causes: its trial, a held reward it claims, and the user's enrolment.</summary>
    public IReadOnlyList<(string ExperimentId, ArmCredit Credit)> OnExposure(UserState state, Exposure exposure, Func<string, double> covariate)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(covariate);
        if (!ExposureBook.Record(state.Exposures, exposure))
        {
            return [];
        }

        var experiment = exposure.ExperimentId;
        List<(string, ArmCredit)> credits = [(experiment, new ArmCredit { Variant = exposure.Variant, Segment = exposure.Segment, Iteration = exposure.Iteration, Trials = 1, LastAt = exposure.At })];
        if (HeldRewardBook.Claim(state.HeldRewards, exposure, tolerance) is { } reward)
        {
            credits.Add((experiment, Success(exposure, reward.Value, reward.At)));
        }

        if (!ParticipationBook.Participates(state.Participations, experiment, exposure.Iteration)
            && ParticipationBook.Join(state.Participations, exposure, covariate(exposure.RewardEventType)) is { } joined)
        {
            credits.Add((experiment, joined));

            // Events held from just before the first exposure belong to the new participation, unless an
            // earlier iteration's participation counted them already.
            if (state.HeldRewards is { Count: > 0 } held && state.Participations.Find(p => p.ExperimentId == experiment) is { } participation)
            {
                foreach (var earlier in held.Where(r => !r.Counted.Contains(experiment)))
                {
                    earlier.Counted.Add(experiment);
                    credits.AddRange(ParticipationBook.Observe([participation], earlier.Type, earlier.Value, earlier.At, tolerance));
                }
            }
        }

        Compact(state);
        return credits;
    }

    /// <summary>The credits an outcome event causes; it is then held for exposures still on their way.</summary>
    public IReadOnlyList<(string ExperimentId, ArmCredit Credit)> OnOutcome(UserState state, string type, double? value, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);

        // Runs for every event of every user, and most credit nothing: no list until one does.
        List<(string, ArmCredit)>? credits = null;
        var observed = ParticipationBook.Observe(state.Participations, type, value, at, tolerance);
        foreach (var delta in observed)
        {
            (credits ??= []).Add(delta);
        }

        var credited = ExposureBook.Credit(state.Exposures, type, at, tolerance);
        foreach (var exposure in credited)
        {
            (credits ??= []).Add((exposure.ExperimentId, Success(exposure, value, at)));
        }

        if (tolerance > TimeSpan.Zero && holds(type))
        {
            var reward = new HeldReward
            {
                Type = type,
                Value = value,
                At = at,
                Credited = [.. credited.Select(e => e.ExperimentId)],
                Counted = [.. observed.Select(o => o.ExperimentId).Distinct(StringComparer.Ordinal)],
            };
            state.HeldRewards = HeldRewardBook.Hold(state.HeldRewards, reward, tolerance);
        }

        return credits ?? (IReadOnlyList<(string, ArmCredit)>)[];
    }

    private static ArmCredit Success(Exposure exposure, double? value, DateTimeOffset at)
    {
        var reward = exposure.Continuous ? value ?? 0 : 1;
        return new ArmCredit
        {
            Variant = exposure.Variant,
            Segment = exposure.Segment,
            Iteration = exposure.Iteration,
            Successes = 1,
            ValueSum = reward,
            ValueSumOfSquares = reward * reward,
            LastAt = at,
        };
    }

    // An empty list is not stored: most users hold nothing, and their state stays as it was.
    private static void Compact(UserState state)
    {
        if (state.HeldRewards is { Count: 0 })
        {
            state.HeldRewards = null;
        }
    }
}
