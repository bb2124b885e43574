namespace Experimentation.Features;

/// <summary>
/// Events of one type in the rolling windows ending now. Each window covers its whole length and at
/// most one bucket more (5 s, 1 min, 5 min and 1 h respectively).
/// </summary>
public readonly record struct WindowCounts(int LastMinute, int Last10Minutes, int LastHour, int Last24Hours);
