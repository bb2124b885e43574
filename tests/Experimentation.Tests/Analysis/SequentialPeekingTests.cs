using Experimentation.Analysis;

namespace Experimentation.Tests.Analysis;

public sealed class SequentialPeekingTests
{
    private const int Streams = 500;
    private const int Batches = 40;
    private const int BatchSize = 250;
    private const double Rate = 0.1;
    private const double Alpha = 0.05;

    [Fact]
    public void Compare_AaStreamsPeekedAfterEveryBatch_KeepsErrorRateWhileNaiveZTestInflates()
    {
        var random = new Random(424242);
        var settings = new SequentialSettings(MixtureVariance: 1e-4, Alpha);
        var sequentialRejections = 0;
        var naiveRejections = 0;
        for (var stream = 0; stream < Streams; stream++)
        {
            long controlConversions = 0;
            long treatmentConversions = 0;
            SequentialResult? look = null;
            var naiveRejected = false;
            for (var batch = 1; batch <= Batches; batch++)
            {
                controlConversions += Simulation.Conversions(random, BatchSize, Rate);
                treatmentConversions += Simulation.Conversions(random, BatchSize, Rate);
                var control = new BinomialCounts(batch * BatchSize, controlConversions);
                var treatment = new BinomialCounts(batch * BatchSize, treatmentConversions);
                look = MixtureSequentialTest.Compare(control, treatment, settings, look);
                naiveRejected |= ProportionTest.Compare(control, treatment).PValue < Alpha;
            }

            sequentialRejections += look!.Significant ? 1 : 0;
            naiveRejections += naiveRejected ? 1 : 0;
        }

        var sequentialRate = (double)sequentialRejections / Streams;
        var naiveRate = (double)naiveRejections / Streams;
        // One standard error of a 5 % rate over 500 streams is about 0.01.
        Assert.True(sequentialRate <= Alpha + 0.01, $"mSPRT rejected {sequentialRate:P1} of A/A streams.");
        Assert.True(naiveRate > 2 * Alpha, $"Peeked z-test rejected only {naiveRate:P1} of A/A streams.");
    }

    [Fact]
    public void Compare_RealLiftPeekedAfterEveryBatch_DetectsIt()
    {
        const int streams = 200;
        var random = new Random(77);
        var settings = new SequentialSettings(MixtureVariance: 1e-4, Alpha);
        var detections = 0;
        for (var stream = 0; stream < streams; stream++)
        {
            long controlConversions = 0;
            long treatmentConversions = 0;
            SequentialResult? look = null;
            for (var batch = 1; batch <= Batches && look?.Significant != true; batch++)
            {
                controlConversions += Simulation.Conversions(random, BatchSize, Rate);
                treatmentConversions += Simulation.Conversions(random, BatchSize, Rate + 0.02);
                look = MixtureSequentialTest.Compare(
                    new BinomialCounts(batch * BatchSize, controlConversions),
                    new BinomialCounts(batch * BatchSize, treatmentConversions),
                    settings,
                    look);
            }

            detections += look!.Significant && look.ConfidenceSequence.IsPositive ? 1 : 0;
        }

        Assert.True(detections >= 0.9 * streams, $"mSPRT detected a 2-point lift in only {detections} of {streams} streams.");
    }
}
