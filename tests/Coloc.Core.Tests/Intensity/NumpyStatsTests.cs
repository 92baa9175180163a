using Coloc.Core.Blobs;
using Coloc.Core.Image;
using System.Globalization;
using Coloc.Core.Intensity;
using Coloc.TestKit;

namespace Coloc.Core.Tests.Intensity;

/// <summary>NumpyStats against NumPy itself (Debian's python3-numpy 1.24, as the oracle), bit for bit.</summary>
public sealed class NumpyStatsTests
{
    [Fact]
    public void Percentile_KnownValues_NumpyLinear()
    {
        Assert.Equal(2.5, NumpyStats.Percentile([4, 1, 3, 2], 50));
        Assert.Equal(0.5, NumpyStats.Percentile([10, 0], 5));
        Assert.Equal(7.0, NumpyStats.Percentile([7], 5));
        Assert.Equal(10.0, NumpyStats.Percentile([10, 0], 100));
        Assert.True(double.IsNaN(NumpyStats.Percentile([1, double.NaN], 50)));
        Assert.True(double.IsNaN(NumpyStats.Mean([])));
    }

    [Fact]
    public void MeanAndPercentile_RandomArrays_BitEqualToNumpy()
    {
        var rng = new Random(4242);
        var arrays = new List<double[]>();
        foreach (int n in Enumerable.Range(1, 40).Concat([63, 64, 127, 128, 129, 200, 257, 1000]))
            arrays.Add(Enumerable.Range(0, n).Select(_ => Math.Round(rng.NextDouble() * 1000, rng.Next(0, 16))).ToArray());
        double[] percents = [0, 5, 12.5, 33.3, 50, 95, 99.9, 100];
        string dir = RepoPaths.NewTempDir();
        string input = Path.Combine(dir, "arrays.txt");
        File.WriteAllLines(input, arrays.Select(a => string.Join(' ', a.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        string output = ExternalTool.Python3("""
            import sys, numpy as np
            ps = [float(p) for p in sys.argv[2].split(',')]
            for line in open(sys.argv[1]):
                a = np.array([float(v) for v in line.split()], dtype=np.float64)
                print(repr(float(np.mean(a))), *[repr(float(np.percentile(a, p))) for p in ps])
            """, input, string.Join(',', percents.Select(p => p.ToString("R", CultureInfo.InvariantCulture))));
        Directory.Delete(dir, true);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(arrays.Count, lines.Length);
        for (int i = 0; i < arrays.Count; i++)
        {
            var want = lines[i].Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(want[0], NumpyStats.Mean(arrays[i]));
            for (int j = 0; j < percents.Length; j++)
                Assert.Equal(want[j + 1], NumpyStats.Percentile((double[])arrays[i].Clone(), percents[j]));
        }
    }
}
