using System.Text.Json;
using Coloc.Core.Blobs;
using Coloc.Core.Intensity;
using Coloc.Core.Matching;
using Coloc.IO.Database;
using Coloc.IO.Results;
using Coloc.IO.Tests.Database;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Results;

/// <summary>The one result writer: the files it writes, the ids it carries, and that a failure leaves nothing behind.</summary>
public sealed class ResultWriterTests
{
    /// <summary>The triangle of <see cref="DbFixtures.Triangle"/> with its multi-positive counts (every blob matched in both other channels).</summary>
    private static MatchSet Triangle()
    {
        var t = DbFixtures.Triangle();
        var set = new MatchSet { MultiPositive = [new(0, [1, 2], 1), new(1, [0, 2], 1), new(2, [0, 1], 1)] };
        foreach (var (pair, m) in t.Pairs) set.Add(pair, m);
        return set;
    }

    private static Blob[] TriangleBlobs() => [DbFixtures.B(1, 2, 3, 0), DbFixtures.B(1, 2, 4, 1), DbFixtures.B(2, 2, 4, 2)];

    private static ResultContent Content(MatchSet m) => new(m, MatchSummary.Of("exact", m, TriangleBlobs()));

    /// <summary>Every entry of a folder (files and folders), names only, sorted; empty when the folder is missing.</summary>
    private static string[] Entries(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFileSystemEntries(dir).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToArray() : [];

    [Fact]
    public void Write_FolderOnly_MatchTablesWithoutIdsAndSummaryWithMultiPositive()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "out");
        var written = ResultWriter.Write(new ResultTarget { Folder = dir }, Content(Triangle()));
        Assert.Equal(["matches_c0_c1.csv", "matches_c0_c2.csv", "matches_c1_c2.csv", "summary.json"], Entries(dir));
        Assert.Null(written.Pairs[0].Value.Rows[0].MatchId);
        Assert.StartsWith(",,,1,2,3,", File.ReadAllLines(Path.Combine(dir, "matches_c0_c1.csv"))[1]);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "summary.json")));
        var keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["format_version", "mode", "pairs", "counts", "blobs_per_channel", "multi_positive"], keys);
        var mp = json.RootElement.GetProperty("multi_positive");
        Assert.Equal(3, mp.GetArrayLength());
        Assert.Equal([0, 2], mp[1].GetProperty("matched_in").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void Write_BlobsAndIntensity_RunFilesWithThresholdsAfterMultiPositive()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "out");
        var blobs = TriangleBlobs();
        var flags = new IntensityFlags([1.5, double.NaN, null], [1, 0, 0, 0, 1, 1, 0, 0, 1], 3);
        ResultWriter.Write(new ResultTarget { Folder = dir }, Content(Triangle()) with { Blobs = blobs, Intensity = flags });
        Assert.Equal(["blobs.csv", "intensity.csv", "matches_c0_c1.csv", "matches_c0_c2.csv", "matches_c1_c2.csv", "summary.json"], Entries(dir));
        Assert.Equal("blob_index,in_roi,c0,c1,c2\n0,1,1,0,0\n1,1,0,1,1\n2,1,0,0,1\n", File.ReadAllText(Path.Combine(dir, "intensity.csv")));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(dir, "blobs.csv")).Length);
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "summary.json")));
        Assert.Equal(["multi_positive", "intensity_thresholds"], json.RootElement.EnumerateObject().Select(p => p.Name).TakeLast(2));
        Assert.Equal("""{"0":1.5,"1":"nan"}""", JsonSerializer.Serialize(json.RootElement.GetProperty("intensity_thresholds")));
    }

    [Fact]
    public void Write_DatabaseAndFolder_CsvCarriesTheStoredIds()
    {
        string tmp = RepoPaths.NewTempDir(), dir = Path.Combine(tmp, "out"), db = Path.Combine(tmp, "new.db");
        var stored = ResultWriter.Write(new ResultTarget { Folder = dir, DatabasePath = db, Experiment = "tri" }, Content(Triangle()));
        var row = stored.Pairs[2].Value.Rows[0];
        Assert.Equal(new long?[] { 3, 1, 2, 3 }, new[] { row.MatchId, row.RoiId, row.Blob1Id, row.Blob2Id });
        Assert.StartsWith("3,1,2,", File.ReadAllLines(Path.Combine(dir, "matches_c1_c2.csv"))[1]);
        Assert.Equal(3, DbFixtures.Count(db, "blob_matches"));
        Assert.Contains("multi_positive", File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(["new.db", "out"], Entries(tmp)); // no temporary database or journal left
    }

    [Fact]
    public void Write_NewDatabase_FailureAfterStaging_LeavesNeitherFolderNorDatabaseFile()
    {
        string tmp = RepoPaths.NewTempDir(), dir = Path.Combine(tmp, "a", "out"), db = Path.Combine(tmp, "new.db");
        bool staged = false;
        var target = new ResultTarget
        {
            Folder = dir, DatabasePath = db, Experiment = "tri",
            BeforeCommit = () =>
            {
                staged = Entries(dir).Count(n => n.EndsWith(".tmp", StringComparison.Ordinal)) == 4;
                throw new IOException("injected");
            },
        };
        Assert.Throws<IOException>(() => ResultWriter.Write(target, Content(Triangle())));
        Assert.True(staged, "the hook runs once every file is staged");
        Assert.Empty(Entries(tmp)); // no db, no temporary db, no journal, and the folders made for the output are gone
    }

    [Fact]
    public void Write_ExistingDatabase_FailureAfterStaging_DatabaseByteIdenticalAndNoFolder()
    {
        string tmp = RepoPaths.NewTempDir(), dir = Path.Combine(tmp, "out"), db = Path.Combine(tmp, "t.db");
        ResultWriter.Write(new ResultTarget { DatabasePath = db, Experiment = "first" }, Content(Triangle()));
        var before = File.ReadAllBytes(db);
        var target = new ResultTarget { Folder = dir, DatabasePath = db, Experiment = "second", BeforeCommit = () => throw new IOException("injected") };
        Assert.Throws<IOException>(() => ResultWriter.Write(target, Content(DbFixtures.Line(5))));
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(["t.db"], Entries(tmp));
    }

    [Fact]
    public void Write_ExistingDatabase_CommitBlockedByAReader_DatabaseByteIdenticalAndNoFolder()
    {
        string tmp = RepoPaths.NewTempDir(), dir = Path.Combine(tmp, "out"), db = Path.Combine(tmp, "t.db");
        ResultWriter.Write(new ResultTarget { DatabasePath = db, Experiment = "first" }, Content(Triangle()));
        var before = File.ReadAllBytes(db);
        using (var reader = DbFixtures.Raw(db, readOnly: true))
        {
            // a reader in the middle of a read transaction: the insert itself proceeds, the commit cannot take the file
            DbFixtures.Exec(reader, "BEGIN");
            DbFixtures.Exec(reader, "SELECT count(*) FROM blobs");
            var target = new ResultTarget
            {
                Folder = dir, DatabasePath = db, Experiment = "second",
                DatabaseOptions = new ClrDbOptions { BusyTimeout = TimeSpan.FromMilliseconds(200) },
            };
            var e = Assert.Throws<ColocFormatException>(() => ResultWriter.Write(target, Content(DbFixtures.Line(5))));
            Assert.Contains("locked by another process", e.Message);
            DbFixtures.Exec(reader, "ROLLBACK");
        }
        Assert.Equal(before, File.ReadAllBytes(db));
        Assert.Equal(["t.db"], Entries(tmp));
    }

    [Fact]
    public void Write_NewDatabase_InsertFails_NoFileAndNoFolder()
    {
        string tmp = RepoPaths.NewTempDir();
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch([MatchRow.Of(DbFixtures.B(1, 1, 1, 0), DbFixtures.B(double.NaN, 1, 1, 1), 1)]));
        var target = new ResultTarget { Folder = Path.Combine(tmp, "out"), DatabasePath = Path.Combine(tmp, "new.db"), Experiment = "e" };
        var e = Assert.Throws<ColocFormatException>(() => ResultWriter.Write(target, new ResultContent(set, MatchSummary.Of("exact", set, []))));
        Assert.Contains("new.db: pair", e.Message); // the message names the file as given, not its temporary name
        Assert.Empty(Entries(tmp));
    }

    [Fact]
    public void Write_FileNameTakenByAFolder_RefusedBeforeTheCommit_NewDatabaseNotCreated()
    {
        string tmp = RepoPaths.NewTempDir(), dir = Path.Combine(tmp, "out"), db = Path.Combine(tmp, "new.db");
        Directory.CreateDirectory(Path.Combine(dir, "summary.json"));
        var e = Assert.Throws<ColocFormatException>(() =>
            ResultWriter.Write(new ResultTarget { Folder = dir, DatabasePath = db, Experiment = "e" }, Content(Triangle())));
        Assert.Contains("summary.json: is a folder", e.Message);
        Assert.Equal(["out"], Entries(tmp));
        Assert.Equal(["summary.json"], Entries(dir));
    }

    [Fact]
    public void Write_NewDatabaseCreatedByAnotherRunMeanwhile_ThatFileKeptAndBothStored()
    {
        string tmp = RepoPaths.NewTempDir(), dir = Path.Combine(tmp, "out"), db = Path.Combine(tmp, "shared.db");
        int calls = 0;
        var target = new ResultTarget
        {
            Folder = dir, DatabasePath = db, Experiment = "ours",
            BeforeCommit = () =>
            {
                // first attempt: another run creates the file and commits into it before this one renames its own into place
                if (++calls == 1) ResultWriter.Write(new ResultTarget { DatabasePath = db, Experiment = "theirs" }, Content(DbFixtures.Line(4)));
            },
        };
        var stored = ResultWriter.Write(target, Content(Triangle()));
        Assert.Equal(2, calls);
        using (var dump = new SqliteDump(db))
            Assert.Equal(["theirs", "ours"], dump.Rows("SELECT name FROM experiments ORDER BY id").Select(r => (string)r[0]!));
        Assert.Equal(4 + 3, DbFixtures.Count(db, "blob_matches"));
        // the folder was staged again with the ids of the file it finally went into
        Assert.Equal(5L, stored.Pairs[0].Value.Rows[0].MatchId);
        Assert.StartsWith("5,2,", File.ReadAllLines(Path.Combine(dir, "matches_c0_c1.csv"))[1]);
        Assert.Equal(["out", "shared.db"], Entries(tmp));
    }

    [Fact]
    public void Write_DevicePath_RefusedWithoutAJournal()
    {
        string tmp = RepoPaths.NewTempDir();
        bool journalBefore = File.Exists("/dev/null-journal");
        var e = Assert.Throws<ColocFormatException>(() =>
            ResultWriter.Write(new ResultTarget { Folder = Path.Combine(tmp, "out"), DatabasePath = "/dev/null", Experiment = "e" }, Content(Triangle())));
        Assert.Equal("/dev/null: is a device, not a database file; left untouched", e.Message);
        Assert.Equal(journalBefore, File.Exists("/dev/null-journal"));
        Assert.Empty(Entries(tmp));
    }

    [Theory]
    [InlineData(null, "e", "experiment name: only used with a database")]
    [InlineData("x.db", " ", "experiment name: must not be empty")]
    [InlineData("x.db", null, "experiment name: must not be empty")]
    public void Write_ExperimentNameMissingOrWithoutDatabase_RefusedWritingNothing(string? db, string? experiment, string message)
    {
        string tmp = RepoPaths.NewTempDir();
        var target = new ResultTarget { Folder = Path.Combine(tmp, "out"), DatabasePath = db is null ? null : Path.Combine(tmp, db), Experiment = experiment };
        var e = Assert.Throws<ArgumentException>(() => ResultWriter.Write(target, Content(Triangle())));
        Assert.Equal(message, e.Message);
        Assert.DoesNotContain("--", e.Message);
        Assert.Empty(Entries(tmp));
    }

    [Fact]
    public void Write_Twice_SecondReplacesTheFilesAndLeavesNoTemporaryFile()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "out");
        ResultWriter.Write(new ResultTarget { Folder = dir }, Content(Triangle()));
        ResultWriter.Write(new ResultTarget { Folder = dir }, Content(DbFixtures.Line(2)));
        Assert.Equal(["matches_c0_c1.csv", "matches_c0_c2.csv", "matches_c1_c2.csv", "summary.json"], Entries(dir));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(dir, "matches_c0_c1.csv")).Length);
    }
}
