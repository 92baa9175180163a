using Coloc.IO.Files;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Results;

/// <summary>Temporaries of a killed run (dead owner, untouched for a while) are removed by the next write into the folder; others are kept.</summary>
public sealed class StaleTemporariesTests
{
    /// <summary>A process id that no process has (above Linux's pid_max of 2²²).</summary>
    private const int DeadPid = 99_999_999;

    private static string Make(string dir, string name, TimeSpan age, bool folder = false)
    {
        string p = Path.Combine(dir, name);
        if (folder)
        {
            Directory.CreateDirectory(p);
            File.WriteAllText(Path.Combine(p, "slab0.bin"), "x");
            Directory.SetLastWriteTimeUtc(p, DateTime.UtcNow - age);
        }
        else
        {
            File.WriteAllText(p, "half a table");
            File.SetLastWriteTimeUtc(p, DateTime.UtcNow - age);
        }
        return p;
    }

    [Fact]
    public void NextWrite_RemovesStaleKeepsFreshLiveAndForeign()
    {
        string dir = RepoPaths.NewTempDir();
        var old = TimeSpan.FromHours(1);
        string stale = Make(dir, $".matches_c0_c1.csv.{DeadPid}.0123abcd.tmp", old);
        string staleDb = Make(dir, $".a.db.{DeadPid}.0123abcd.new", old);
        string staleJournal = Make(dir, $".a.db.{DeadPid}.0123abcd.new-journal", old);
        string staleSlabs = Make(dir, $".coloc-slabs.{DeadPid}.0123abcdef", old, folder: true);
        string fresh = Make(dir, $".summary.json.{DeadPid}.89abcdef.tmp", TimeSpan.FromSeconds(5));
        string live = Make(dir, $".x.csv.{Environment.ProcessId}.0123abcd.tmp", old);
        string foreign = Make(dir, ".bashrc.tmp", old);
        string user = Make(dir, "notes.1.0123abcd.tmp", old);

        AtomicFile.WriteText(Path.Combine(dir, "out.csv"), w => w.Write("a\n"));

        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(staleDb));
        Assert.False(File.Exists(staleJournal));
        Assert.False(Directory.Exists(staleSlabs));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(foreign));
        Assert.True(File.Exists(user));
        Assert.Equal("a\n", File.ReadAllText(Path.Combine(dir, "out.csv")));
    }

    [Fact]
    public void StagedFolder_Open_RemovesStaleStagedTables()
    {
        string dir = RepoPaths.NewTempDir();
        string stale = Make(dir, $".matches_c0_c1.csv.{DeadPid}.0123abcd.tmp", TimeSpan.FromHours(2));
        using (var staged = new StagedFolder(dir))
        {
            staged.WriteText("summary.json", w => w.Write("{}"));
            staged.Commit();
        }
        Assert.False(File.Exists(stale));
        Assert.Equal(["summary.json"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void KilledRunOnThisMachine_RemovedAtOnce_OtherMachineKeptWhileFresh()
    {
        string dir = RepoPaths.NewTempDir();
        string tag = Path.GetFileName(StaleTemporaries.Name(dir, "x", "tmp")).Split('.')[^2];
        Assert.Equal(16, tag.Length);
        string machine = tag[..8], other = machine == "00000000" ? "11111111" : "00000000";
        var fresh = TimeSpan.FromSeconds(1);
        string ours = Make(dir, $".matches_c0_c1.csv.{DeadPid}.{machine}0123abcd.tmp", fresh);
        string oursDb = Make(dir, $".a.db.{DeadPid}.{machine}0123abcd.new-journal", fresh);
        string oursSlabs = Make(dir, $".coloc-slabs.{DeadPid}.{machine}0123abcd", fresh, folder: true);
        string theirs = Make(dir, $".summary.json.{DeadPid}.{other}0123abcd.tmp", fresh);

        Assert.Equal(3, StaleTemporaries.Sweep(dir));

        Assert.False(File.Exists(ours));
        Assert.False(File.Exists(oursDb));
        Assert.False(Directory.Exists(oursSlabs));
        Assert.True(File.Exists(theirs));
    }

    [Fact]
    public void StagedFolder_CommitStoppedMidway_LastFileAbsentEarlierOnesNew()
    {
        string dir = RepoPaths.NewTempDir();
        foreach (var f in new[] { "a.csv", "b.csv", "summary.json" }) File.WriteAllText(Path.Combine(dir, f), "old");
        using var staged = new StagedFolder(dir);
        foreach (var f in new[] { "a.csv", "b.csv", "summary.json" }) staged.WriteText(f, w => w.Write("new"));
        File.Delete(Path.Combine(dir, "b.csv"));
        Directory.CreateDirectory(Path.Combine(dir, "b.csv")); // the second rename fails, as a kill there would stop it

        Assert.Throws<ColocFormatException>(staged.Commit);

        Assert.Equal("new", File.ReadAllText(Path.Combine(dir, "a.csv")));
        Assert.False(File.Exists(Path.Combine(dir, "summary.json")));
    }
}
