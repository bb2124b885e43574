using System.Globalization;

namespace Experimentation.Tests.Analysis;

/// <summary>
/// The values reference/reference.R computed with R (section, case, name, value), read from the
/// copy in the test output directory.
/// </summary>
internal static class ReferenceValues
{
    private static readonly Lazy<Dictionary<(string Section, int Case), IReadOnlyDictionary<string, double>>> Table = new(Load);

    public static IEnumerable<object[]> Cases(string section) =>
        Table.Value.Keys.Where(key => key.Section == section).Select(key => new object[] { key.Case });

    public static IReadOnlyDictionary<string, double> Case(string section, int number) => Table.Value[(section, number)];

    public static double[] Vector(IReadOnlyDictionary<string, double> values, string name) =>
        [.. Enumerable.Range(1, int.MaxValue).TakeWhile(i => values.ContainsKey($"{name}_{i}")).Select(i => values[$"{name}_{i}"])];

    /// <summary>Asserts |actual − expected| ≤ 1e-9 · |expected| (absolute 1e-15 around zero).</summary>
    public static void AssertClose(double expected, double actual, string what, double relative = 1e-9)
    {
        var tolerance = Math.Max(relative * Math.Abs(expected), 1e-15);
        Assert.True(
            Math.Abs(actual - expected) <= tolerance,
            $"{what}: expected {expected:R} (R), got {actual:R}; relative error {Math.Abs(actual - expected) / Math.Abs(expected):E2}.");
    }

    private static Dictionary<(string Section, int Case), IReadOnlyDictionary<string, double>> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Analysis", "reference", "reference.csv");
        var table = new Dictionary<(string, int), Dictionary<string, double>>();
        foreach (var line in File.ReadLines(path).Skip(1).Where(line => line.Length > 0))
        {
            var fields = line.Split(',');
            var key = (fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture));
            if (!table.TryGetValue(key, out var values))
            {
                table[key] = values = [];
            }

            values[fields[2]] = double.Parse(fields[3], CultureInfo.InvariantCulture);
        }

        return table.ToDictionary(pair => pair.Key, pair => (IReadOnlyDictionary<string, double>)pair.Value);
    }
}
