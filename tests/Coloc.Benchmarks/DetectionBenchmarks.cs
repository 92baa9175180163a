using BenchmarkDotNet.Attributes;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// LoG blob detection on a 64×512×512 uint16 volume like the oracle's timing volume (background 800, noise sd 250,
/// ~2,100 spots of sigma 2.5–5.5 px and 8,000–40,000 counts, seed 7000), default profile, 1 µm voxels.
/// MagellanMapper's <c>detect_blobs</c> on such a volume: 52–76 s, 4.4 GiB (oracle timings.md). Where the time goes,
/// stage by stage: <c>time-detect --image vol.tif [--mode fast]</c> (<see cref="DetectStageTiming"/>).
/// </summary>
[MemoryDiagnoser]
public class DetectionBenchmarks
{
    private MultiChannelVolume<ushort> _image = null!;

    /// <summary>Worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>How the LoG stack is computed (exact: MagellanMapper's responses; fast: float32 with FMA).</summary>
    [Params(DetectionMode.Exact, DetectionMode.Fast)]
    public DetectionMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (vol, _) = SyntheticVolumes.TimingVolume(new ZyxInt(64, 512, 512), 7000);
        _image = new MultiChannelVolume<ushort>([vol], Zyx.All(1));
    }

    [Benchmark]
    public int DetectWholeVolume() => BlobDetector.Detect(_image, new DetectionOptions { Threads = Threads, Mode = Mode }).Length;

    [Benchmark]
    public int DetectBlocks() => BlobDetector.DetectBlocks(_image, new DetectionOptions { Threads = Threads, Mode = Mode }).Length;
}
