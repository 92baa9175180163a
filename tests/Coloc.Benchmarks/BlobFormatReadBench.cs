using BenchmarkDotNet.Attributes;
using Coloc.IO.Blobs;

namespace Coloc.Benchmarks;

/// <summary>
/// Reading 10^6 blobs (<see cref="BlobFormatFiles"/>) with <see cref="BlobFormats.Read"/>: MagellanMapper archive
/// (stored and deflated), TrackMate 7 XML (features kept, as <c>coloc blobs</c>; dropped, as <c>--blobs</c>) and CSV
/// (2 parser threads). MB/s = file size / mean; <c>time-blob-read</c> (<see cref="BenchTool"/>) prints it directly.
/// </summary>
[MemoryDiagnoser]
public class BlobFormatReadBench
{
    private string _path = "";

    [Params("npz", "npz-deflated", "trackmate", "csv")]
    public string Format { get; set; } = "npz";

    [Params(true, false)]
    public bool KeepFeatures { get; set; }

    [GlobalSetup]
    public void Setup() => _path = BlobFormatFiles.Get(Format);

    [Benchmark]
    public int Read() => BlobFormats.Read(_path, new BlobReadOptions { KeepFeatures = KeepFeatures, Threads = 2 }).Blobs.Length;
}
