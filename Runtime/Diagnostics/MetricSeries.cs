namespace Runtime.Diagnostics;

/// <summary>The aggregate of one instrument for one distinct tag set.</summary>
/// <param name="labels">
/// The rendered label pairs without braces (for example <c>a="1",b="x"</c>), or empty. Computed once
/// when the tag set is first seen so scrapes and the hot path never format tags again.
/// </param>
internal abstract class MetricSeries(string labels)
{
    public string Labels { get; } = labels;
}
