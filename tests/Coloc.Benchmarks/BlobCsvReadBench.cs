using BenchmarkDotNet.Attributes;
using Coloc.IO.Csv;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Blob CSV reading (<see cref="BlobCsv.Read(string, int)"/>, block-parallel) against the line-by-line text reader,
/// on the oracle's stack timing input with 1,000,000 blobs per channel (2,000,000 rows, 45 MB), 2 threads.
/// </summary>
[MemoryDiagnoser]
public class BlobCsvReadBench
{
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "coloc-bench-blobs-1m.csv");
        if (!File.Exists(_path)) BlobCsv.Write(_path, BenchBlobs.Make(1_000_000, BenchBlobs.Shape1M));
    }

    [Benchmark(Baseline = true)]
    public int TextReader()
    {
        using var r = new StreamReader(_path);
        return BlobCsv.Read(r, _path).Length;
    }

    [Benchmark]
    public int BlockParallel2Threads() => BlobCsv.Read(_path, 2).Length;
}
