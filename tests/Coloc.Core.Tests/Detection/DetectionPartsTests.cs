using Coloc.Core.Detection;

namespace Coloc.Core.Tests.Detection;

public class DetectionPartsTests
{
    [Fact]
    public void SigmaList_DefaultProfile_MatchesNumpyLinspaceBits()
    {
        // params.json of oracle case E01 (numpy: linspace(0, 1, 10) * (5 - 3) + 3).
        double[] expected = [3, 3.2222222222222223, 3.4444444444444446, 3.6666666666666665, 3.888888888888889, 4.111111111111111, 4.333333333333333, 4.555555555555555, 4.777777777777778, 5];
        Assert.Equal(expected, LogScale.SigmaList(3, 5, 10));
        Assert.Equal([2.6, 2.6222222222222222, 2.6444444444444444, 2.6666666666666665, 2.6888888888888887, 2.7111111111111112, 2.7333333333333334, 2.7555555555555555, 2.7777777777777777, 2.8],
            LogScale.SigmaList(2.6, 2.8, 10));
        Assert.Equal([4.0], LogScale.SigmaList(4, 9, 1));
    }

    [Theory]
    [InlineData(3.0, 12)]
    [InlineData(5.0, 20)]
    [InlineData(2.6, 10)]
    [InlineData(0.1, 0)]
    public void KernelRadius_Truncate4_IntOfFourSigmaPlusHalf(double sigma, int radius) =>
        Assert.Equal(radius, GaussianKernel1D.Radius(sigma));

    [Fact]
    public void GaussianKernel_Order0_SumsToOne_Order2_IsSecondDerivative()
    {
        var g0 = GaussianKernel1D.Half(3.0, 0);
        double sum = g0[0] + 2 * g0.Skip(1).Sum();
        Assert.Equal(1.0, sum, 1e-15);
        var g2 = GaussianKernel1D.Half(3.0, 2);
        // q(x) = (x² − σ²)/σ⁴ times the normalised Gaussian.
        for (int j = 0; j < g2.Length; j++)
            Assert.Equal((j * j - 9.0) / 81.0 * g0[j], g2[j], 1e-17);
    }

    [Theory]
    [InlineData(-1, 5, 0)]
    [InlineData(-5, 5, 4)]
    [InlineData(-6, 5, 4)]
    [InlineData(5, 5, 4)]
    [InlineData(9, 5, 0)]
    [InlineData(10, 5, 0)]
    [InlineData(-3, 1, 0)]
    [InlineData(7, 1, 0)]
    public void Reflect_ScipyReflectMode_Period2N(int i, int n, int expected) =>
        Assert.Equal(expected, ScipyBoundary.Reflect(i, n));

    [Fact]
    public void ZoomAxis_12To57_GridModeMirrorTaps()
    {
        var z = new ZoomAxis(12, 57, nearest: false);
        // k = 0: cc = 0.5·12/57 − 0.5 < 0, mirrored to +0.394...: taps 0 and 1.
        Assert.Equal((0, 1), (z.Tap0[0], z.Tap1[0]));
        Assert.Equal(1 - (0.5 - 0.5 * 12.0 / 57), z.W0[0], 1e-15);
        // last: cc = 11 + (0.5 − 0.5·12/57): taps 11 and (mirror of 12 =) 10.
        Assert.Equal((11, 10), (z.Tap0[56], z.Tap1[56]));
        for (int k = 0; k < 57; k++) Assert.Equal(1.0, z.W0[k] + z.W1[k], 1e-15);
    }

    [Fact]
    public void Pruner_OverlappingPair_SmallerSigmaDroppedWhateverTheResponse()
    {
        var strong = new LogPeak(10, 10, 10, 0, 3, 0.9);
        var weakBig = new LogPeak(10, 11, 10, 5, 4, 0.2);
        Assert.Equal([false, true], OverlapPruner.Survivors([strong, weakBig], 0.5));
    }

    [Fact]
    public void Pruner_EqualSigma_FirstOfPairDropped()
    {
        var a = new LogPeak(10, 10, 10, 0, 3, 0.9);
        var b = new LogPeak(10, 10, 11, 0, 3, 0.5);
        Assert.Equal([false, true], OverlapPruner.Survivors([a, b], 0.5));
    }

    [Fact]
    public void Pruner_FarApart_BothKept_AndDroppedPeakCannotDropAnother()
    {
        var a = new LogPeak(0, 0, 0, 0, 3, 0.9);
        var b = new LogPeak(0, 0, 40, 0, 3, 0.5);
        Assert.Equal([true, true], OverlapPruner.Survivors([a, b], 0.5));
        // Chain in CPython's set order (0,1), (0,2), (1,2): 0 drops (smaller than 1); 2 then meets dropped 0 and
        // the larger 1: 1 (sigma 4) vs 2 (sigma 5) drops 1.
        var p0 = new LogPeak(10, 10, 10, 0, 3, 0.9);
        var p1 = new LogPeak(10, 10, 12, 1, 4, 0.8);
        var p2 = new LogPeak(10, 10, 14, 2, 5, 0.7);
        Assert.Equal([false, false, true], OverlapPruner.Survivors([p0, p1, p2], 0.5));
    }

    [Fact]
    public void Pruner_ChainOfThree_CanonicalVersusCPythonSetOrder()
    {
        // A–B and B–C overlap (0.76, 0.62), A–C do not (0.23); sigmas A < B < C; peak 0 is far away.
        // Pairs (1,2), (2,3): canonical order drops A then B; CPython's set iterates (2,3) first (python3.11:
        // s = set(); s.add((1, 2)); s.add((2, 3)); list(s) == [(2, 3), (1, 2)]), dropping B, after which the dropped B
        // can no longer drop A.
        LogPeak[] peaks =
        [
            new(50, 50, 50, 0, 3, 0.9), new(10, 10, 0, 0, 3, 0.8), new(10, 10, 4, 4, 4, 0.7), new(10, 10, 10, 9, 5, 0.6),
        ];
        Assert.Equal([true, false, false, true], OverlapPruner.Survivors(peaks, 0.5));
        Assert.Equal([true, true, false, true], OverlapPruner.Survivors(peaks, 0.5, cpythonSetOrder: true));
    }

    [Fact]
    public void BlobOverlap_Contained_IsOne_Apart_IsZero()
    {
        var p = new LogPeak(0, 0, 0, 0, 3, 1);
        Assert.Equal(1.0, OverlapPruner.BlobOverlap(p, 3, p with { X = 1 }, 5));
        Assert.Equal(0.0, OverlapPruner.BlobOverlap(p, 3, p with { X = 100 }, 5));
        double half = OverlapPruner.BlobOverlap(p, 3, p with { X = 5 }, 3);
        Assert.InRange(half, 0.01, 0.99);
    }
}
