namespace Experimentation.Features;

/// <summary>A category and the user's decayed affinity to it at the view's time.</summary>
public readonly record struct CategoryScore(string Category, double Score);
