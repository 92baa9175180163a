using BenchmarkDotNet.Attributes;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Intensity colocalization from a TIFF file against a plain sequential read of the same file (the acceptance
/// ratio: colocalize ≤ 2 × plain read), plus the engine alone on in-memory volumes. 2 channels uint16
/// 40×1024×1024 (80 MB BigTIFF, page cache warm), 20,000 blobs.
/// </summary>
[MemoryDiagnoser]
public class IntensityColocBench
{
    private static readonly ZyxInt Shape = new(40, 1024, 1024);
    private string _dir = "", _path = "";
    private Blob[] _blobs = [];
    private IVolume<ushort>[] _memory = [];

    [GlobalSetup]
    public void Setup()
    {
        _dir = RepoPaths.NewTempDir();
        _path = Path.Combine(_dir, "bench.tif");
        IntensityBenchData.WriteImage(_path, Shape);
        _blobs = IntensityBenchData.Blobs(Shape, 20_000);
        using var s = TiffStack.Open(_path);
        _memory = Enumerable.Range(0, 2).Select(c =>
        {
            var data = new ushort[Shape.Volume];
            s.ReadBlock<ushort>(c, default, Shape, data);
            return (IVolume<ushort>)new ArrayVolume<ushort>(Shape, data);
        }).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    /// <summary>The yardstick: read the file front to back in 8 MB chunks.</summary>
    [Benchmark(Baseline = true)]
    public long PlainSequentialRead()
    {
        using var f = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buf = new byte[8 << 20];
        long total = 0;
        int n;
        while ((n = f.Read(buf, 0, buf.Length)) > 0) total += n;
        return total;
    }

    /// <summary>Every plane of both channels through TiffStack.</summary>
    [Benchmark]
    public int TiffReadAllPlanes()
    {
        using var s = TiffStack.Open(_path);
        var plane = new ushort[Shape.Y * Shape.X];
        for (int z = 0; z < Shape.Z; z++)
        for (int c = 0; c < 2; c++)
            s.ReadPlane<ushort>(c, z, plane);
        return plane[0];
    }

    /// <summary>The whole <c>coloc intensity</c> work: open, sweep, thresholds, flags.</summary>
    [Benchmark]
    public int ColocalizeFromTiff()
    {
        using var s = TiffStack.Open(_path);
        var image = new[] { s.Channel<ushort>(0), s.Channel<ushort>(1) };
        return IntensityColocalizer.Run(image, _blobs).OnesPerChannel()[0];
    }

    /// <summary>As <see cref="ColocalizeFromTiff"/>, the two channels swept on two threads.</summary>
    [Benchmark]
    public int ColocalizeFromTiffTwoThreads()
    {
        using var s = TiffStack.Open(_path);
        var image = new[] { s.Channel<ushort>(0), s.Channel<ushort>(1) };
        return IntensityColocalizer.Run(image, _blobs, new IntensityColocOptions { Threads = 2 }).OnesPerChannel()[0];
    }

    /// <summary>The engine alone on in-memory volumes.</summary>
    [Benchmark]
    public int ColocalizeInMemory() => IntensityColocalizer.Run(_memory, _blobs).OnesPerChannel()[0];
}
