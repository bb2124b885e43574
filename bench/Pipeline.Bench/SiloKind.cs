namespace Pipeline.Bench;

/// <summary>Which grain the measured silo feeds the events to.</summary>
internal enum SiloKind
{
    /// <summary>The product's silo (<c>AddSilo()</c>): user grains with their features, experiments and recommendations.</summary>
    User,

    /// <summary>The runtime alone, with a grain that only counts (see <see cref="Counter.CounterGrain"/>).</summary>
    Counter,
}
