using BenchmarkDotNet.Attributes;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.TestKit;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Benchmarks;

/// <summary>
/// One-ROI magmap matching (the per-block hot path): the oracle's single-ROI timing rows, 3,000 and 10,000 blobs per
/// channel at about one blob per 1000 voxels, tol (3,3,2). MagellanMapper: 0.23 s, 1.99 s and 16.1 s (6.5 GiB) for 3,000, 10,000 and 30,000.
/// </summary>
[MemoryDiagnoser]
public class MagmapAssignmentBench
{
    private Blob[] _blobs = [];
    private Box _roi;

    [Params(3_000, 10_000, 30_000)]
    public int PerChannel { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int edge = (int)Math.Round(Math.Cbrt(PerChannel * 1000.0));
        var shape = new ZyxInt(edge, edge, edge);
        _blobs = BenchBlobs.Make(PerChannel, shape, jitter: 3);
        _roi = new Box(Zyx.All(0), shape.ToZyx());
    }

    [Benchmark]
    public int ColocalizeRoi() => MagmapRoiColocalizer.Colocalize(_blobs, _roi, new Zyx(3, 3, 2)).TotalCount;
}
