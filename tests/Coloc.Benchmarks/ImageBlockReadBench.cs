using BenchmarkDotNet.Attributes;
using Coloc.Core.Geometry;
using Coloc.IO.Hdf5;
using Coloc.IO.Images;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Reading one 32×256×256 block (4 MiB of uint16) of channel 1 from the same 2-channel 64×512×512 volume (64 MiB) in
/// each layout <c>--image</c> takes, written by tifffile and h5py (tests/data/images/make_images.py, once, into
/// /tmp/coloc-bench-images): a folder of TIFF planes per channel, the OME-TIFF (baseline), Imaris <c>.ims</c> (gzip
/// chunks 8×16×16) and BigDataViewer <c>.h5</c> (chunks 8×16×16). Each call opens the image, as <c>coloc run</c> blocks do not.
/// </summary>
[MemoryDiagnoser]
public class ImageBlockReadBench
{
    private static readonly ZyxInt Offset = new(16, 128, 128), Size = new(32, 256, 256);
    private readonly ushort[] _block = new ushort[Size.Volume];
    private string _dir = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "coloc-bench-images");
        if (File.Exists(Path.Combine(_dir, "vol.xml"))) return;
        string script = Path.Combine(RepoPaths.RepoRoot, "tests", "data", "images", "make_images.py");
        ExternalTool.Run(ExternalTool.Python, [script, _dir, "64", "512", "512"], 1200);
    }

    private long Read(string name)
    {
        using var s = Hdf5Images.Open(Path.Combine(_dir, name));
        s.ReadBlock<ushort>(1, Offset, Size, _block);
        return _block[^1];
    }

    [Benchmark(Baseline = true)]
    public long OmeTiff() => Read("vol.ome.tif");

    [Benchmark]
    public long PlaneFolder() => Read(Path.Combine("planes", "C{c}"));

    [Benchmark]
    public long Imaris() => Read("vol.ims");

    [Benchmark]
    public long BigDataViewer() => Read("vol.h5");
}
