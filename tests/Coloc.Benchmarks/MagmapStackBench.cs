using BenchmarkDotNet.Attributes;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching.Magmap;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Magmap-mode stack colocalization (issue 2 anchor): 100,000 blobs per channel in a 64×2000×2000 stack, default
/// profile, resolution 1,1,1. MagellanMapper: 5.93 s inside <c>colocalize_stack</c> on 2 cores (oracle timings.md).
/// </summary>
[MemoryDiagnoser]
public class MagmapStackBench
{
    private Blob[] _blobs = [];

    [Params(100_000)]
    public int PerChannel { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _blobs = BenchBlobs.Make(PerChannel, new ZyxInt(64, 2000, 2000));

    [Benchmark]
    public int ColocalizeStack() =>
        MagmapStackColocalizer.ColocalizeStack(_blobs, new ZyxInt(64, 2000, 2000), new StackMatchOptions { Threads = Threads }).TotalCount;
}
