using System.Diagnostics;
using Coloc.Core.Geometry;
using Coloc.IO.Tiff;
using Coloc.TestKit;
using Microsoft.Data.Sqlite;

namespace Coloc.Cli.Tests;

/// <summary>
/// The output reproducers of issue 17 through the command line: each ends with exit 0 and the right output, or exit 2
/// with one line naming the input and nothing written (the inputs untouched), within seconds.
/// </summary>
public sealed class HostileOutputTests
{
    private const string Header = "z,y,x,radius,confirmed,truth,channel\n";

    private static (int Code, string Out, string Err) Coloc(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static void AssertOneLine(int code, string err, string mention)
    {
        Assert.True(code == ExitCodes.BadInput, $"exit {code}: {err}");
        Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("coloc: ", err);
        Assert.Contains(mention, err);
    }

    private static string Image(string dir)
    {
        string tif = Path.Combine(dir, "img.tif");
        var vol = SyntheticVolumes.Render(new ZyxInt(6, 32, 32), 800, 200, [new PlantedSpot(3, 12, 15, 2, 2, 2, 40000)], 5);
        TiffStackWriter.Write<ushort>(tif, [vol, vol], new TiffWriteOptions { ResolutionUm = Zyx.All(1) });
        return tif;
    }

    private static string Blobs(string dir, string rows = "3,12,15,2,-1,-1,0\n3,12,16,2,-1,-1,1\n")
    {
        string csv = Path.Combine(dir, "b.csv");
        File.WriteAllText(csv, Header + rows);
        return csv;
    }

    private static void AssertNoTemporaries(string dir) =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories),
            p => p.EndsWith(".tmp", StringComparison.Ordinal) || p.EndsWith(".new", StringComparison.Ordinal));

    [Theory]
    [InlineData("--out")]
    [InlineData("--diagnostics")]
    public void Intensity_OutputNamingTheImage_RefusedImageUntouched(string flag)
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Image(dir), csv = Blobs(dir), output = Path.Combine(dir, "o.csv");
        byte[] before = File.ReadAllBytes(tif);
        string[] args = flag == "--out"
            ? ["intensity", "--image", tif, "--blobs", csv, "--out", tif]
            : ["intensity", "--image", tif, "--blobs", csv, "--out", output, "--diagnostics", tif];
        var r = Coloc(args);
        AssertOneLine(r.Code, r.Err, tif);
        Assert.Contains(flag, r.Err);
        Assert.Equal(before, File.ReadAllBytes(tif));
        Assert.False(File.Exists(output));
        AssertNoTemporaries(dir);
    }

    [Fact]
    public void Intensity_DiagnosticsInMissingFolder_RefusedOutNotWritten()
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Image(dir), csv = Blobs(dir), output = Path.Combine(dir, "o.csv");
        string diag = Path.Combine(dir, "missing", "d.csv");
        var r = Coloc("intensity", "--image", tif, "--blobs", csv, "--out", output, "--diagnostics", diag);
        AssertOneLine(r.Code, r.Err, diag);
        Assert.False(File.Exists(output));
        AssertNoTemporaries(dir);
    }

    [Fact]
    public void Intensity_DiagnosticsSameAsOut_Refused()
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Image(dir), csv = Blobs(dir), output = Path.Combine(dir, "o.csv");
        var r = Coloc("intensity", "--image", tif, "--blobs", csv, "--out", output, "--diagnostics", output);
        AssertOneLine(r.Code, r.Err, output);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Match_DatabaseOnDevice_RefusedNoJournalBesideIt()
    {
        string dir = RepoPaths.NewTempDir();
        string output = Path.Combine(dir, "m");
        var r = Coloc("match", "--blobs", Blobs(dir), "--out", output, "--shape", "10,40,40", "--db", "/dev/null");
        AssertOneLine(r.Code, r.Err, "/dev/null");
        Assert.False(File.Exists("/dev/null-journal"));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Match_DatabaseOfNewerSchema_RefusedUntouched()
    {
        string dir = RepoPaths.NewTempDir();
        string csv = Blobs(dir), db = Path.Combine(dir, "a.db");
        Assert.Equal(ExitCodes.Ok, Coloc("match", "--blobs", csv, "--out", Path.Combine(dir, "m1"), "--shape", "10,40,40", "--db", db).Code);
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE about SET version = 99";
            cmd.ExecuteNonQuery();
        }
        byte[] before = File.ReadAllBytes(db);
        string output = Path.Combine(dir, "m2");
        var r = Coloc("match", "--blobs", csv, "--out", output, "--shape", "10,40,40", "--db", db);
        AssertOneLine(r.Code, r.Err, db);
        Assert.Contains("99", r.Err);
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.False(Directory.Exists(output));
        Assert.False(File.Exists(db + "-journal"));
    }

    [Fact]
    public void Match_DatabaseHeldByReader_RefusedNoOutputFolder()
    {
        string dir = RepoPaths.NewTempDir();
        string csv = Blobs(dir), db = Path.Combine(dir, "a.db");
        Assert.Equal(ExitCodes.Ok, Coloc("match", "--blobs", csv, "--out", Path.Combine(dir, "m1"), "--shape", "10,40,40", "--db", db).Code);
        byte[] before = File.ReadAllBytes(db);
        using var reader = new SqliteConnection($"Data Source={db};Pooling=False");
        reader.Open();
        using var tx = reader.BeginTransaction(deferred: true);
        using (var q = reader.CreateCommand())
        {
            q.Transaction = tx;
            q.CommandText = "SELECT COUNT(*) FROM blobs";
            q.ExecuteScalar();
        }
        string output = Path.Combine(dir, "m2");
        var clock = Stopwatch.StartNew();
        var r = Coloc("match", "--blobs", csv, "--out", output, "--shape", "10,40,40", "--db", db);
        AssertOneLine(r.Code, r.Err, db);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.False(Directory.Exists(output));
        Assert.Equal(before, File.ReadAllBytes(db));
    }

    [Fact]
    public void Match_300Channels_RefusedByMaxChannelsAtOnce()
    {
        string dir = RepoPaths.NewTempDir();
        string csv = Blobs(dir, string.Concat(Enumerable.Range(0, 300).Select(c => $"5,5,5,1,-1,-1,{c}\n")));
        string output = Path.Combine(dir, "m");
        var clock = Stopwatch.StartNew();
        var r = Coloc("match", "--blobs", csv, "--out", output, "--shape", "10,10,10");
        AssertOneLine(r.Code, r.Err, csv);
        Assert.Contains("--max-channels", r.Err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.False(Directory.Exists(output));
        // Selecting channels, or raising the limit, runs.
        var some = Coloc("match", "--blobs", csv, "--out", output, "--shape", "10,10,10", "--channels", "0,1,2");
        Assert.Equal(ExitCodes.Ok, some.Code);
        Assert.Equal(3 + 1, Directory.GetFiles(output).Length);
    }

    [Fact]
    public void Match_300ChannelsOutOfCore_RefusedByMaxChannelsNothingLeft()
    {
        string dir = RepoPaths.NewTempDir();
        string csv = Blobs(dir, string.Concat(Enumerable.Range(0, 300).Select(c => $"5,5,5,1,-1,-1,{c}\n")));
        string output = Path.Combine(dir, "m");
        string[] common = ["match", "--blobs", csv, "--out", output, "--shape", "10,10,10", "--out-of-core", "on"];
        var clock = Stopwatch.StartNew();
        var r = Coloc(common);
        AssertOneLine(r.Code, r.Err, csv);
        Assert.Contains("300 channels", r.Err);
        Assert.Contains("--max-channels", r.Err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        // --channels too many for the limit is refused before the blobs are streamed; the slab files are gone either way.
        var chosen = Coloc([.. common, "--channels", "0,1,2,3", "--max-channels", "3"]);
        AssertOneLine(chosen.Code, chosen.Err, csv);
        Assert.Contains("4 channels", chosen.Err);
        Assert.Equal(["b.csv"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
        // Under the limit the out-of-core run writes its tables.
        var some = Coloc([.. common, "--channels", "0,1,2"]);
        Assert.Equal(ExitCodes.Ok, some.Code);
        Assert.Contains("out of core", some.Out);
        Assert.Equal(3 + 1, Directory.GetFiles(output).Length);
        Assert.Equal(["b.csv", "m"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("magmap")]
    public void Match_BlockSizeOneVoxel_FinishesInSeconds(string mode)
    {
        string dir = RepoPaths.NewTempDir();
        string output = Path.Combine(dir, "m");
        var clock = Stopwatch.StartNew();
        var r = Coloc("match", "--blobs", Path.Combine(RepoPaths.RepoRoot, "macros", "sample", "blobs.csv"), "--out", output,
            "--shape", "60,1100,1100", "--block-size", "1,1,1", "--mode", mode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        if (r.Code == ExitCodes.Ok) Assert.True(File.Exists(Path.Combine(output, "matches_c0_c1.csv")));
        else
        {
            AssertOneLine(r.Code, r.Err, "--block-size");
            Assert.False(Directory.Exists(output));
        }
    }

    [Fact]
    public void EmitJobs_QuoteInColocCommand_ScriptsPassBashN()
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Image(dir), plan = Path.Combine(dir, "plan");
        Assert.Equal(ExitCodes.Ok, Coloc("plan", "--image", tif, "--out", plan).Code);
        foreach (var sched in new[] { "slurm", "lsf", "sge", "pbs" })
        {
            var r = Coloc("emit-jobs", "--plan", plan, "--scheduler", sched, "--coloc", "my coloc's wrapper");
            Assert.True(r.Code == ExitCodes.Ok, r.Err);
        }
        int quoted = 0;
        foreach (var script in Directory.GetFiles(Path.Combine(plan, "jobs")))
        {
            using var p = Process.Start(new ProcessStartInfo("bash", ["-n", script]) { RedirectStandardError = true })!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, $"{script}: {err}");
            if (File.ReadAllText(script).Contains("'coloc'\\''s' wrapper", StringComparison.Ordinal)) quoted++;
        }
        Assert.True(quoted >= 4, $"{quoted} scripts run the quoted command");
    }

    [Theory]
    [InlineData("--time", "01:00:00\n#SBATCH --mem=1T")]
    [InlineData("--partition", "gpu --mem=1T")]
    [InlineData("--coloc", "coloc\nrm -rf /")]
    public void EmitJobs_ValueInjectingLines_Refused(string flag, string value)
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Image(dir), plan = Path.Combine(dir, "plan");
        Assert.Equal(ExitCodes.Ok, Coloc("plan", "--image", tif, "--out", plan).Code);
        var r = Coloc("emit-jobs", "--plan", plan, "--scheduler", "slurm", flag, value);
        AssertOneLine(r.Code, r.Err, flag);
        Assert.False(Directory.Exists(Path.Combine(plan, "jobs")));
    }

    [Fact]
    public void Detect_LzwStripCutShort_RefusedNamingTheImage()
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Path.Combine(dir, "lzw.tif");
        var vol = SyntheticVolumes.Render(new ZyxInt(6, 32, 32), 800, 200, [new PlantedSpot(3, 12, 15, 2, 2, 2, 40000)], 5);
        TiffStackWriter.Write<ushort>(tif, [vol], new TiffWriteOptions { ResolutionUm = Zyx.All(1), Compression = TiffCompression.Lzw });
        byte[] b = File.ReadAllBytes(tif);
        // Halve every StripByteCounts value of the first page (inline LONG, little endian).
        int ifd = BitConverter.ToInt32(b, 4), n = BitConverter.ToUInt16(b, ifd);
        for (int i = 0; i < n; i++)
        {
            int e = ifd + 2 + 12 * i;
            if (BitConverter.ToUInt16(b, e) == 279 && BitConverter.ToUInt32(b, e + 4) == 1)
                BitConverter.GetBytes(BitConverter.ToUInt32(b, e + 8) / 2).CopyTo(b, e + 8);
        }
        File.WriteAllBytes(tif, b);
        string output = Path.Combine(dir, "o.csv");
        var r = Coloc("detect", "--image", tif, "--out", output);
        AssertOneLine(r.Code, r.Err, tif);
        Assert.False(File.Exists(output));
    }
}
