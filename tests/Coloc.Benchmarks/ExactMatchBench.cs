using BenchmarkDotNet.Attributes;
using Coloc.Core.Blobs;
using Coloc.Core.Matching.Exact;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Exact matching alone (blobs in memory, no CSV) on the oracle's stack timing input (<see cref="BenchBlobs"/>):
/// 100,000 per channel in 64×1897×1897 and 1,000,000 per channel in 64×6000×6000 (same density), tolerance 5,5,5
/// (default profile), 2 threads. MagellanMapper: 59 s for 10⁶ on 2 cores (timings.md).
/// </summary>
[MemoryDiagnoser]
public class ExactMatchBench
{
    private Blob[] _blobs = [];

    /// <summary>Blobs per channel.</summary>
    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _blobs = BenchBlobs.Make(N, BenchBlobs.ShapeFor(N));

    [Benchmark]
    public int Exact2Threads() =>
        ExactColocalizer.Colocalize(_blobs, new ExactMatchOptions { TolVoxels = Zyx.All(5), Threads = 2 })[new ChannelPair(0, 1)]!.Count;
}
