using System.Runtime.CompilerServices;

namespace Experimentation.Features;

/// <summary>One value per <see cref="RollingWindows"/> window, stored inline in its owner: no array per user.</summary>
[InlineArray(RollingWindows.Count)]
internal struct PerWindow<T>
{
    private T _first;
}
