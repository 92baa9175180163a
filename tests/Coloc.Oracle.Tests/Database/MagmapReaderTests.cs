using System.Globalization;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Database;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Database;

/// <summary>
/// A database we write opens with Python's standard <c>sqlite3</c> (integrity and foreign keys checked), needs no
/// upgrade, and the MagellanMapper-style join in <c>magmap_reader.py</c> (string-bound region filter as MagellanMapper
/// binds it) returns exactly the rows of <see cref="MatchDatabase.SelectMatches"/>. Needs <c>python3</c> (Debian package).
/// </summary>
public sealed class MagmapReaderTests
{
    public static TheoryData<string, string?, string?> Queries() => new()
    {
        { "0,1", null, null },
        { "0,1", "0,400,450", "60,300,250" },
        { "1,0", "10,0,0", "30,1100,600" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void PythonSqlite3Reader_B01Database_SameRowsAsSelectMatches(string channels, string? offset, string? shape)
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "b01.db");
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, DbOracle.B01Matches(), DbOracle.ExpName);
        AssertSame(path, DbOracle.ExpName, channels, offset, shape);
    }

    [Fact]
    public void PythonSqlite3Reader_ThreeChannelTriangle_SameRowsAsSelectMatches()
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "tri.db");
        var (a, b, c) = (new Coloc.Core.Blobs.Blob(1, 2, 3, 2, -1, -1, 0), new Coloc.Core.Blobs.Blob(1, 2, 4.5, 2, -1, -1, 1), new Coloc.Core.Blobs.Blob(2, 2, 4, 2, -1, -1, 2));
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch([MatchRow.Of(a, b, 1.5)]));
        set.Add(new ChannelPair(0, 2), new BlobMatch([MatchRow.Of(a, c, 1.4142135623730951)]));
        set.Add(new ChannelPair(1, 2), new BlobMatch([MatchRow.Of(b, c, 1.118033988749895)]));
        using (var db = ClrDb.Open(path)) MatchDatabase.InsertMatches(db, set, "tri");
        AssertSame(path, "tri", "0,1,2", null, null);
        AssertSame(path, "tri", "0,1,2", "0,0,0.5", "2,3,4.5");
    }

    private static void AssertSame(string path, string exp, string channels, string? offset, string? shape)
    {
        var chl = channels.Split(',').Select(int.Parse).ToArray();
        Zyx? V(string? s) => s is null ? null : s.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray() is var d ? new Zyx(d[0], d[1], d[2]) : null;
        MatchSet ours;
        using (var db = ClrDb.OpenReadOnly(path)) ours = MatchDatabase.SelectMatches(db, chl, V(offset), V(shape), exp);
        var expected = ours.Pairs.SelectMany(p => p.Value.Rows.Select(r => (p.Key, r))).ToArray();

        var lines = RunPython(path, exp, channels, offset, shape);
        Assert.Equal(expected.Length, lines.Length);
        Assert.NotEmpty(lines);
        for (int i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            var (pair, r) = expected[i];
            Assert.Equal(new ChannelPair(int.Parse(f[0]), int.Parse(f[1])), pair);
            Assert.Equal([r.MatchId!.Value, r.RoiId!.Value, r.Blob1Id!.Value, r.Blob2Id!.Value], f[2..6].Select(long.Parse));
            double[] nums = f[6..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(r.Distance, nums[0]);
            for (int k = 0; k < 7; k++)
            {
                Assert.Equal(r.Blob1[k], nums[1 + k]);
                Assert.Equal(r.Blob2[k], nums[8 + k]);
            }
        }
    }

    private static string[] RunPython(string path, string exp, string channels, string? offset, string? shape)
    {
        var args = new List<string> { Path.Combine(AppContext.BaseDirectory, "Database", "magmap_reader.py"), path, exp, channels };
        if (offset is not null) args.AddRange([offset, shape!]);
        return ExternalTool.Run(ExternalTool.Python, args, 120).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
