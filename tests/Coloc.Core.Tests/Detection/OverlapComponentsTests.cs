using Coloc.Core.Detection;
using Coloc.Core.Pipeline;

namespace Coloc.Core.Tests.Detection;

public class OverlapComponentsTests
{
    private static LogPeak P(int x, double sigma, double response) => new(5, 5, x, 0, sigma, response);

    [Fact]
    public void Of_ChainOfOverlappingPeaks_OneComponentAndIsolatedPeakAlone()
    {
        // σ = 2: radius 2√3 ≈ 3.46; peaks 2 apart overlap strongly, 30 apart not at all.
        LogPeak[] peaks = [P(0, 2, 0.9), P(2, 2, 0.8), P(4, 2, 0.7), P(34, 2, 0.6)];
        var id = OverlapComponents.Of(peaks, 0.5, 2 * Math.Sqrt(3) * 2);
        Assert.Equal(id[0], id[1]);
        Assert.Equal(id[1], id[2]);
        Assert.NotEqual(id[0], id[3]);
    }

    [Fact]
    public void Of_OverlapBelowThreshold_NotJoined()
    {
        // 6 apart with radius 3.46 each: the spheres intersect a little, far below an overlap of 0.5.
        LogPeak[] peaks = [P(0, 2, 0.9), P(6, 2, 0.8)];
        Assert.True(OverlapPruner.BlobOverlap(peaks[0], 2, peaks[1], 2) is > 0 and < 0.5);
        var id = OverlapComponents.Of(peaks, 0.5, 2 * Math.Sqrt(3) * 2);
        Assert.NotEqual(id[0], id[1]);
        Assert.Equal(id[0], OverlapComponents.Of(peaks, 0.0, 2 * Math.Sqrt(3) * 2)[1]);
    }

    [Fact]
    public void Of_PruningOfEachComponentAlone_EqualsPruningOfAll()
    {
        var rng = new Random(4);
        var peaks = Enumerable.Range(0, 400)
            .Select(_ => new LogPeak(rng.Next(20), rng.Next(60), rng.Next(60), 0, 1 + rng.NextDouble() * 2, rng.NextDouble()))
            .DistinctBy(p => (p.Z, p.Y, p.X)).ToList();
        peaks.Sort(LogPeak.CompareCanonical);
        var id = OverlapComponents.Of(peaks, 0.3, 2 * Math.Sqrt(3) * 3);
        var all = OverlapPruner.Survivors(peaks, 0.3);
        foreach (var group in Enumerable.Range(0, peaks.Count).GroupBy(i => id[i]))
        {
            var members = group.ToArray();
            var alone = OverlapPruner.Survivors(members.Select(i => peaks[i]).ToArray(), 0.3);
            for (int k = 0; k < members.Length; k++) Assert.Equal(all[members[k]], alone[k]);
        }
        Assert.True(id.Distinct().Count() < peaks.Count, "the random peaks should form some multi-peak components");
    }
}
