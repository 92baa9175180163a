using BenchmarkDotNet.Attributes;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Csv;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// Match table writing (<see cref="MatchCsv.Write"/>, chunked parallel formatting) of 700,000 rows (about the exact
/// result of the 10⁶-per-channel timing input) into a null stream, 1 and 2 threads.
/// </summary>
[MemoryDiagnoser]
public class MatchCsvWriteBench
{
    private BlobMatch _matches = BlobMatch.Empty();

    [GlobalSetup]
    public void Setup()
    {
        var blobs = BenchBlobs.Make(700_000, BenchBlobs.Shape1M);
        var tol = new MatchTolerance(Zyx.All(5));
        var rows = new MatchRow[700_000];
        for (int i = 0; i < rows.Length; i++)
        {
            var (p, q) = (blobs[i], blobs[rows.Length + i]);
            rows[i] = MatchRow.Of(p, q, tol.Distance(p.Z, p.Y, p.X, q.Z, q.Y, q.X));
        }
        _matches = new BlobMatch(rows);
    }

    [Benchmark(Baseline = true)]
    public void OneThread() => Write(1);

    [Benchmark]
    public void TwoThreads() => Write(2);

    private void Write(int threads)
    {
        using var w = new StreamWriter(Stream.Null);
        MatchCsv.Write(w, _matches, threads);
    }
}
