using System.Text;
using System.Text.Json;
using Runtime.Grains;
using Runtime.Tests.TestGrains;

namespace Runtime.Tests.Grains;

public sealed class StateSerializerTests
{
    [Fact]
    public void Serialize_FiniteNumbers_WritesTheSameBytesAsTheFullMetadata()
    {
        var state = new MeasuredState { Total = 12.5, Note = "n", Samples = [1, -0.25, 1e300] };

        var fast = StateSerializer.Serialize(state, NamedLiteralsJsonContext.Default.MeasuredState, FiniteJsonContext.Default.MeasuredState);

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(state, NamedLiteralsJsonContext.Default.MeasuredState), fast);
    }

    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    public void Serialize_NonFiniteNumber_FallsBackToNamedLiteralsAndReadsBack(double value, string literal)
    {
        var state = new MeasuredState { Total = 1, Samples = [2, value] };

        var written = StateSerializer.Serialize(state, NamedLiteralsJsonContext.Default.MeasuredState, FiniteJsonContext.Default.MeasuredState);

        Assert.Contains(literal, Encoding.UTF8.GetString(written), StringComparison.Ordinal);
        var read = JsonSerializer.Deserialize(written, NamedLiteralsJsonContext.Default.MeasuredState)!;
        Assert.Equal(value, read.Samples[1]);
    }

    [Fact]
    public void Serialize_WithoutFiniteMetadata_UsesTheFullMetadata()
    {
        var state = new MeasuredState { Total = double.NaN };

        var written = StateSerializer.Serialize(state, NamedLiteralsJsonContext.Default.MeasuredState, finiteStateType: null);

        Assert.Equal("{\"total\":\"NaN\",\"samples\":[]}", Encoding.UTF8.GetString(written));
    }
}
