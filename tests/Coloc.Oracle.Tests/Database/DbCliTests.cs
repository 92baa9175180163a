using Coloc.IO.Csv;
using Coloc.Oracle.Tests.Magmap;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Database;

/// <summary><c>coloc match --db</c> and <c>coloc db select</c> on oracle case D.</summary>
public sealed class DbCliTests
{
    private static string[] MatchArgs(string outDir, string db, params string[] extra) =>
    [
        "match", "--mode", "magmap", "--blobs", Path.Combine(DbOracle.B01, "blobs.csv"), "--out", outDir,
        "--shape", OracleParams.Arg(OracleParams.Load(DbOracle.B01).Vector("shape_zyx")!), "--resolution", "1,1,1", "--db", db, .. extra,
    ];

    [Fact]
    public void MatchWithDb_B01_TablesEqualMagellanMappersAndCsvCarriesIds()
    {
        string dir = RepoPaths.NewTempDir();
        string db = Path.Combine(dir, "b01.db"), outDir = Path.Combine(dir, "out");
        var (code, stdout, err) = CliRunner.Run(MatchArgs(outDir, db, "--exp-name", DbOracle.ExpName));
        Assert.True(code == 0, err);
        Assert.Contains("stored 176 match(es)", stdout);
        using (var dump = new SqliteDump(db))
            foreach (var t in DbOracle.Tables)
                Assert.Equal(File.ReadAllText(Path.Combine(DbOracle.Dir, t + ".csv")).ReplaceLineEndings("\n"), dump.TableCsv(t));
        using var r = new StreamReader(Path.Combine(outDir, "matches_c0_c1.csv"));
        var rows = MatchCsv.Read(r, "matches_c0_c1.csv").Rows;
        var golden = OracleCsv.Read(Path.Combine(DbOracle.Dir, "blob_matches.csv"));
        Assert.Equal(golden.Rows.Length, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal((long)golden.Num(i, "id"), rows[i].MatchId);
            Assert.Equal((long)golden.Num(i, "blob1"), rows[i].Blob1Id);
            Assert.Equal((long)golden.Num(i, "blob2"), rows[i].Blob2Id);
            Assert.Equal(1L, rows[i].RoiId);
        }
    }

    [Fact]
    public void MatchWithDb_NoExpName_ExperimentNamedAfterBlobFile()
    {
        string dir = RepoPaths.NewTempDir();
        string db = Path.Combine(dir, "b01.db");
        Assert.Equal(0, CliRunner.Run(MatchArgs(Path.Combine(dir, "out"), db)).Code);
        using var dump = new SqliteDump(db);
        Assert.Equal("blobs", dump.Rows("SELECT name FROM experiments")[0][0]);
    }

    [Theory]
    [InlineData("select_whole_image")]
    [InlineData("select_region")]
    public void DbSelect_B01_CsvEqualsMagellanMappersSelection(string label)
    {
        string dir = RepoPaths.NewTempDir();
        string db = Path.Combine(dir, "b01.db");
        Assert.Equal(0, CliRunner.Run(MatchArgs(Path.Combine(dir, "out"), db, "--exp-name", DbOracle.ExpName)).Code);
        var before = File.ReadAllBytes(db);
        string sel = Path.Combine(dir, "sel");
        var args = new List<string> { "db", "select", "--db", db, "--channels", "0,1", "--out", sel };
        if (label == "select_region") args.AddRange(["--offset", "0,400,450", "--shape", "60,300,250"]);
        var (code, _, err) = CliRunner.Run(args.ToArray());
        Assert.True(code == 0, err);
        Assert.Equal(before, File.ReadAllBytes(db));
        var golden = OracleCsv.Read(Path.Combine(DbOracle.Dir, label, "selected_c0_c1.csv"));
        using var r = new StreamReader(Path.Combine(sel, "matches_c0_c1.csv"));
        var rows = MatchCsv.Read(r, "matches_c0_c1.csv").Rows;
        Assert.Equal(golden.Rows.Length, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal((long)golden.Num(i, "MatchID"), rows[i].MatchId);
            Assert.Equal((long)golden.Num(i, "Blob1ID"), rows[i].Blob1Id);
            Assert.Equal((long)golden.Num(i, "Blob2ID"), rows[i].Blob2Id);
            Assert.Equal(golden.Num(i, "Distance"), rows[i].Distance);
            Assert.Equal(golden.Num(i, "blob2_radius"), rows[i].Blob2.Radius);
        }
    }

    [Fact]
    public void MatchWithDb_TextFileAsDb_Exit2AndUntouched()
    {
        string dir = RepoPaths.NewTempDir();
        string db = Path.Combine(dir, "notes.db");
        File.WriteAllText(db, "my notes\n");
        var (code, _, err) = CliRunner.Run(MatchArgs(Path.Combine(dir, "out"), db));
        Assert.Equal(2, code);
        Assert.Contains("not a SQLite database", err);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Equal("my notes\n", File.ReadAllText(db));
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }

    [Fact]
    public void MatchWithDb_OutputFolderUnwritable_Exit2AndDatabaseUnchanged()
    {
        string dir = RepoPaths.NewTempDir();
        string db = Path.Combine(dir, "b01.db");
        Assert.Equal(0, CliRunner.Run(MatchArgs(Path.Combine(dir, "out"), db, "--exp-name", "first")).Code);
        var before = File.ReadAllBytes(db);
        string blocker = Path.Combine(dir, "file");
        File.WriteAllText(blocker, "x");
        var (code, _, err) = CliRunner.Run(MatchArgs(Path.Combine(blocker, "out"), db, "--exp-name", "second"));
        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Equal(before, File.ReadAllBytes(db));
        string fresh = Path.Combine(dir, "fresh.db");
        Assert.Equal(2, CliRunner.Run(MatchArgs(Path.Combine(blocker, "out"), fresh)).Code);
        Assert.False(File.Exists(fresh));
    }

    [Fact]
    public void DbSelect_MissingDbOrUnknownExperiment_Exit2()
    {
        string dir = RepoPaths.NewTempDir();
        var (code, _, err) = CliRunner.Run("db", "select", "--db", Path.Combine(dir, "none.db"), "--channels", "0,1", "--out", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("no such database", err);
        Assert.False(File.Exists(Path.Combine(dir, "none.db")));
        string db = Path.Combine(dir, "b01.db");
        Assert.Equal(0, CliRunner.Run(MatchArgs(Path.Combine(dir, "out"), db)).Code);
        (code, _, err) = CliRunner.Run("db", "select", "--db", db, "--channels", "0,1", "--exp-name", "brain", "--out", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("no experiment named 'brain'", err);
        (code, _, err) = CliRunner.Run("db", "select", "--db", db, "--channels", "0,1", "--offset", "0,0,0", "--out", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("--offset: needs --shape", err);
        Assert.False(Directory.Exists(Path.Combine(dir, "o")));
    }

    [Fact]
    public void Match_ExpNameWithoutDb_Exit2()
    {
        string dir = RepoPaths.NewTempDir();
        var (code, _, err) = CliRunner.Run("match", "--mode", "magmap", "--blobs", Path.Combine(DbOracle.B01, "blobs.csv"), "--out", Path.Combine(dir, "o"),
            "--shape", "60,1100,1100", "--exp-name", "x");
        Assert.Equal(2, code);
        Assert.Contains("--exp-name: needs --db", err);
    }
}
