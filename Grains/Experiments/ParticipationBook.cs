namespace Grains.Experiments;

/// <summary>
/// The user-level bookkeeping of experiments: the first exposure opens a participation, and every
/// later reward or guardrail event within the window becomes a delta of the user-level sums.
/// </summary>
public static class ParticipationBook
{
    public const int MaxParticipations = 64;

    /// <summary>
    /// True once the user has been exposed to the experiment in <paramref name="iteration"/> or a later one:
    /// such an exposure joins nothing. An earlier iteration's participation does not count.
    /// </summary>
    public static bool Participates(List<Participation> book, string experimentId, long iteration = 0)
    {
        ArgumentNullException.ThrowIfNull(book);
        return book.Exists(p => p.ExperimentId == experimentId && p.Iteration >= iteration);
    }

    /// <summary>
    /// Opens the user's participation at the first exposure of the exposure's iteration, replacing one of an
    /// earlier iteration; null when the user already participates.
    /// </summary>
    public static ArmCredit? Join(List<Participation> book, Exposure exposure, double covariate)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (Participates(book, exposure.ExperimentId, exposure.Iteration))
        {
            return null;
        }

        // A new iteration enrols the user afresh: nothing of the earlier one may count in it.
        book.RemoveAll(p => p.ExperimentId == exposure.ExperimentId);
        book.Add(new Participation
        {
            ExperimentId = exposure.ExperimentId,
            Variant = exposure.Variant,
            FirstAt = exposure.At,
            Iteration = exposure.Iteration,
            WindowSeconds = exposure.WindowSeconds,
            RewardEventType = exposure.RewardEventType,
            Continuous = exposure.Continuous,
            Covariate = covariate,
            Guardrails = exposure.Guardrails,
            GuardrailCounts = new double[exposure.Guardrails.Count],
        });
        if (book.Count > MaxParticipations)
        {
            book.RemoveAt(book.IndexOf(book.MinBy(p => p.FirstAt)!));
        }

        return new ArmCredit
        {
            Variant = exposure.Variant,
            Iteration = exposure.Iteration,
            Users = 1,
            CovariateSum = covariate,
            CovariateSumOfSquares = covariate * covariate,
            LastAt = exposure.At,
        };
    }

    /// <summary>The user-level deltas one event causes, per experiment whose window covers it.</summary>
    public static IReadOnlyList<(string ExperimentId, ArmCredit Credit)> Observe(
        IReadOnlyList<Participation> book, string eventType, double? value, DateTimeOffset at, TimeSpan tolerance = default)
    {
        ArgumentNullException.ThrowIfNull(book);

        // Runs for every event of every user: most are in no experiment window, and cost no list.
        List<(string, ArmCredit)>? credits = null;
        foreach (var participation in book)
        {
            if (!participation.Covers(at, tolerance))
            {
                continue;
            }

            if (eventType == participation.RewardEventType)
            {
                var delta = participation.Continuous ? value ?? 0 : 1;
                var before = participation.Value;
                participation.Value += delta;
                (credits ??= []).Add((participation.ExperimentId, new ArmCredit
                {
                    Variant = participation.Variant,
                    Iteration = participation.Iteration,
                    ConvertedUsers = before == 0 && participation.Value != 0 ? 1 : 0,
                    UserValueSum = delta,
                    UserValueSumOfSquares = (2 * before * delta) + (delta * delta),
                    CovariateProduct = participation.Covariate * delta,
                    LastAt = at,
                }));
            }

            var guardrail = participation.Guardrails.IndexOf(eventType);
            if (guardrail >= 0)
            {
                var count = participation.GuardrailCounts[guardrail]++;
                (credits ??= []).Add((participation.ExperimentId, new ArmCredit
                {
                    Variant = participation.Variant,
                    Iteration = participation.Iteration,
                    Guardrails = [new GuardrailCredit { EventType = eventType, Users = count == 0 ? 1 : 0, Sum = 1, SumOfSquares = (2 * count) + 1 }],
                    LastAt = at,
                }));
            }
        }

        return credits ?? (IReadOnlyList<(string, ArmCredit)>)[];
    }
}
