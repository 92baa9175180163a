using System.Diagnostics;
using System.Globalization;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Images;

namespace Coloc.Benchmarks;

/// <summary>
/// <c>time-detect --image FILE.tif [--threads T] [--peaks FILE] [--threshold T] [--mode exact|fast]</c>: where the time of <c>coloc detect</c> goes on a uint16 TIFF, stage
/// by stage (Stopwatch): reading the TIFF into memory, plane loading, the z pass, the y+x passes per scale, the peak
/// search, sorting and overlap pruning. Default profile, 1 µm voxels as in the file. <c>--peaks</c> writes every peak
/// (z, y, x, scale, response as its 64 bits in hex) in canonical order, to compare revisions bit for bit;
/// <c>--threshold</c> replaces the profile's detection threshold (0 keeps every positive local maximum).
/// </summary>
public static class DetectStageTiming
{
    /// <summary>Runs the timing and prints one line per stage.</summary>
    public static void Run(string path, int threads, string? peaksPath = null, double? threshold = null, DetectionMode mode = DetectionMode.Exact)
    {
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        using var stack = ImageFiles.Open(path);
        var shape = stack.Shape;
        var data = new ushort[shape.Volume];
        for (int z = 0; z < shape.Z; z++)
            stack.ReadPlane<ushort>(0, z, data.AsSpan(z * shape.Y * shape.X, shape.Y * shape.X));
        var volume = new ArrayVolume<ushort>(shape, data);
        Line("TIFF read", sw.Elapsed.TotalSeconds);

        var profile = new DetectionOptions().ProfileFor(0);
        double scaleX = 1.0 / stack.ResolutionUm.X;
        var sigmas = LogScale.SigmaList(profile.MinSigmaFactor * scaleX, profile.MaxSigmaFactor * scaleX, profile.NumSigma);
        var scales = sigmas.Select((s, k) => new LogScale(k, s)).ToArray();
        var times = new DetectionStageTimes();
        sw.Restart();
        var peaks = new LogRegionDetector(new VolumePlaneSource<ushort>(volume), scales, default, shape, threads, mode) { Times = times }
            .Run(new Box(Zyx.All(0), shape.ToZyx()), threshold ?? profile.DetectionThreshold, null, CancellationToken.None);
        Line("LoG stack + peaks", sw.Elapsed.TotalSeconds);
        Console.WriteLine(times);
        sw.Restart();
        peaks.Sort(LogPeak.CompareCanonical);
        var kept = OverlapPruner.Survivors(peaks, profile.Overlap);
        Line($"sort + prune ({peaks.Count} peaks, {kept.Count(k => k)} kept)", sw.Elapsed.TotalSeconds);
        Line("total", total.Elapsed.TotalSeconds);
        if (peaksPath is not null)
            File.WriteAllLines(peaksPath, peaks.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Z},{p.Y},{p.X},{p.SigmaIndex},{BitConverter.DoubleToInt64Bits(p.Response):x16}")));
    }

    private static void Line(string stage, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage} {seconds:0.000} s"));
}
