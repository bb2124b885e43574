namespace Experimentation.Trending;

/// <summary>A category's hottest items in a snapshot.</summary>
/// <param name="Category">The category.</param>
/// <param name="Total">Clicks on all of the category's tracked items in the window.</param>
/// <param name="Items">The hottest items, most clicks first (ties by id).</param>
public sealed record TrendingCategory(string Category, int Total, TrendingItem[] Items);
