using BenchmarkDotNet.Attributes;
using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Pipeline;
using Coloc.IO.Plan;
using Coloc.TestKit;
using Coloc.Core.Intensity;

namespace Coloc.Benchmarks;

/// <summary>
/// The block pipeline's own stages (issue 8): one block of LoG box detection plus neighbourhood means against
/// whole-image detection of the same volume, neighbourhood means of 200,000 blobs, encoding/decoding a block result
/// and merging 1,000 block results. Inputs are seeded (<see cref="SyntheticImage"/>, <see cref="Random"/> seed 1).
/// </summary>
[MemoryDiagnoser]
public class PipelineBench
{
    private MultiChannelVolume<ushort> _image = null!;
    private RegionReader<ushort> _reader = null!;
    private BlockGrid _grid = null!;
    private LogBlobDetector<ushort> _detector = null!;
    private DetectionOptions _options = null!;
    private MultiChannelVolume<ushort> _meansImage = null!;
    private Blob[] _meansBlobs = [];
    private int[] _targets = [];
    private BlockResult _result = null!;
    private byte[] _encoded = [];
    private BlockResult[] _results = [];
    private BlockGrid _mergeGrid = null!;
    private static readonly string Hash = new('a', 64);

    [GlobalSetup]
    public void Setup()
    {
        _image = SyntheticImage.Create(new ZyxInt(48, 256, 256), 2, 400, seed: 1, brightness: 25);
        _image = new MultiChannelVolume<ushort>(_image.Channels, Zyx.All(2));
        _reader = RegionReader<ushort>.Of(_image);
        _grid = new BlockGrid(_image.Shape, new ZyxInt(24, 128, 128));
        _options = new DetectionOptions { Threads = 1 };
        _detector = new LogBlobDetector<ushort>(_options);

        var rng = new Random(1);
        var shape = new ZyxInt(64, 512, 512);
        _meansImage = SyntheticImage.Create(shape, 2, 0, seed: 1);
        _meansBlobs = Enumerable.Range(0, 200_000)
            .Select(_ => new Blob(rng.Next(shape.Z), rng.Next(shape.Y), rng.Next(shape.X), 2, -1, -1, rng.Next(2)))
            .OrderBy(b => b, BlobOrder.Comparer).ToArray();
        _targets = Enumerable.Range(0, _meansBlobs.Length).ToArray();

        _result = new BlockResult(0, 2, _meansBlobs[..5000], new double[10000]);
        _encoded = BlockResultFile.Encode(Hash, _result);

        _mergeGrid = new BlockGrid(new ZyxInt(1000, 64, 64), new ZyxInt(1, 64, 64));
        _results = Enumerable.Range(0, 1000).Select(i => new BlockResult(i, 2,
            Enumerable.Range(0, 200).Select(k => new Blob(i, rng.Next(64), rng.Next(64), 2, -1, -1, k % 2)).OrderBy(b => b, BlobOrder.Comparer).ToArray(),
            new double[400])).Reverse().ToArray();
    }

    /// <summary>One block (24×128×128 core of a 48×256×256 2-channel image): detection with its margin plus means.</summary>
    [Benchmark]
    public int OneBlock() => BlockRunner.Run(_reader, _grid, 3, _detector).Blobs.Length;

    /// <summary>Reference: whole-image detection of the same image (8 such blocks).</summary>
    [Benchmark(Baseline = true)]
    public int WholeImageDetection() => BlobDetector.Detect(_image, _options).Length;

    /// <summary>Neighbourhood means of 200,000 blobs on a 2-channel 64×512×512 image.</summary>
    [Benchmark]
    public double Means200k() => NeighbourhoodMeans.Compute(_meansImage, _meansBlobs, _targets)[0];

    /// <summary>Encode a 5,000-blob block result (with SHA-256).</summary>
    [Benchmark]
    public int Encode5k() => BlockResultFile.Encode(Hash, _result).Length;

    /// <summary>Decode and verify it.</summary>
    [Benchmark]
    public int Decode5k() => BlockResultFile.Decode(_encoded, Hash, out _)!.Blobs.Length;

    /// <summary>Merge 1,000 block results of 200 blobs (given in reverse order).</summary>
    [Benchmark]
    public int Merge1000Blocks() => BlockMerge.Merge(_results, _mergeGrid, 2).Blobs.Length;
}
