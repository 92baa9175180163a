using BenchmarkDotNet.Attributes;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Database;

namespace Coloc.Benchmarks;

/// <summary>
/// The results database: insert <see cref="Matches"/> two-channel matches into a fresh file (one transaction), and
/// select the matches of a region holding 10 % of the image volume from a file holding them all. Targets (issue 7):
/// 1,000,000 matches inserted in ≤ 10 s, the 10 % region selected in ≤ 1 s. Inputs are seeded: blob1 on a jittered
/// 100 × 100 × 100 grid over an image of z,y,x = 100 × 2000 × 2000 voxels, blob2 one voxel away in y and x.
/// Run: <c>dotnet run -c Release --project tests/Coloc.Benchmarks -- --filter '*DatabaseBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class DatabaseBenchmarks
{
    private MatchSet _set = null!;
    private string _dir = null!;
    private string _full = null!;
    private string _insertPath = null!;

    /// <summary>Number of matches (and twice as many blobs).</summary>
    [Params(1_000_000)]
    public int Matches { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rnd = new Random(7);
        var rows = new MatchRow[Matches];
        for (int i = 0; i < rows.Length; i++)
        {
            double z = i / 10_000 % 100, y = i / 100 % 100 * 20 + rnd.Next(0, 18), x = i % 100 * 20 + rnd.Next(0, 18);
            var b1 = new Blob(z, y, x, 2 + rnd.NextDouble(), -1, -1, 0);
            var b2 = new Blob(z, y + 1, x + 1, 2 + rnd.NextDouble(), -1, -1, 1);
            rows[i] = MatchRow.Of(b1, b2, Math.Sqrt(2));
        }
        _set = new MatchSet();
        _set.Add(new ChannelPair(0, 1), new BlobMatch(rows));
        _dir = Path.Combine(Path.GetTempPath(), "coloc-bench-db-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        _full = Path.Combine(_dir, "full.db");
        File.Delete(_full);
        using var db = ClrDb.Open(_full);
        MatchDatabase.InsertMatches(db, _set, "bench");
        _insertPath = Path.Combine(_dir, "insert.db");
    }

    [IterationSetup(Target = nameof(Insert))]
    public void FreshFile() => File.Delete(_insertPath);

    /// <summary>Creates a database and inserts every match (blobs, then matches) in one transaction.</summary>
    [Benchmark]
    public long Insert()
    {
        using var db = ClrDb.Open(_insertPath);
        return MatchDatabase.InsertMatches(db, _set, "bench").TotalCount;
    }

    /// <summary>Selects the matches whose blobs lie in z,y,x = [0,100) × [0,632) × [0,632): 10 % of the volume.</summary>
    [Benchmark]
    public long SelectTenPercent()
    {
        using var db = ClrDb.OpenReadOnly(_full);
        return MatchDatabase.SelectMatches(db, [0, 1], new Zyx(0, 0, 0), new Zyx(100, 632, 632), "bench").TotalCount;
    }

    /// <summary>Selects a 10 % slab in z, z in [40, 50).</summary>
    [Benchmark]
    public long SelectTenPercentSlab()
    {
        using var db = ClrDb.OpenReadOnly(_full);
        return MatchDatabase.SelectMatches(db, [0, 1], new Zyx(40, 0, 0), new Zyx(10, 2000, 2000), "bench").TotalCount;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);
}
