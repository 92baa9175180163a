using Coloc.IO.Plan;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Scale;

/// <summary><c>coloc merge</c> of block results equals <c>coloc run</c> byte for byte, on the bundled sample.</summary>
public class MergeEqualsRunTests
{
    private static readonly Lazy<string> RunDir = new(() =>
    {
        string dir = Path.Combine(RepoPaths.NewTempDir(), "run");
        var r = PlanFixture.Coloc("run", "--image", ScaleSample.BundledPath, "--out", dir);
        Assert.True(r.Code == ExitCodes.Ok, r.Err);
        return dir;
    });

    private static void AssertSameFiles(string expectedDir, string actualDir)
    {
        var names = Directory.GetFiles(expectedDir).Select(p => Path.GetFileName(p)).Order().ToArray();
        Assert.Equal(["blobs.csv", "intensity.csv", "matches_c0_c1.csv", "summary.json"], names);
        Assert.Equal(names, Directory.GetFiles(actualDir).Select(p => Path.GetFileName(p)).Order().ToArray());
        foreach (var n in names)
            Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, n)).SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, n))), $"{n} differs");
    }

    private static string Plan(string blockSize)
    {
        string plan = Path.Combine(RepoPaths.NewTempDir(), "plan");
        var r = PlanFixture.Coloc("plan", "--image", ScaleSample.BundledPath, "--out", plan, "--block-size", blockSize);
        Assert.True(r.Code == ExitCodes.Ok, r.Err);
        return plan;
    }

    [Fact]
    public void Run_SampleBlobs_EnoughForAMeaningfulComparison()
    {
        var lines = File.ReadAllLines(Path.Combine(RunDir.Value, "blobs.csv"));
        Assert.True(lines.Length > 80, $"only {lines.Length - 1} blobs");
        Assert.True(File.ReadAllLines(Path.Combine(RunDir.Value, "matches_c0_c1.csv")).Length > 10);
    }

    [Theory]
    [InlineData("12,64,64", 1)]
    [InlineData("12,64,64", 3)]
    [InlineData("12,64,64", 8)]
    [InlineData("24,50,100", 3)]
    public void Merge_AllShardsOfAPlan_ByteIdenticalToRun(string blockSize, int shards)
    {
        string plan = Plan(blockSize);
        for (int t = shards - 1; t >= 0; t--) // out of order on purpose
            Assert.Equal(ExitCodes.Ok, PlanFixture.Coloc("run-block", "--plan", plan, "--shard", $"{t}/{shards}").Code);
        string merged = Path.Combine(Path.GetDirectoryName(plan)!, "merged");
        var m = PlanFixture.Coloc("merge", "--plan", plan, "--out", merged);
        Assert.True(m.Code == ExitCodes.Ok, m.Err);
        AssertSameFiles(RunDir.Value, merged);
    }

    [Fact]
    public void Merge_OneResultRemovedThenRestored_Exit3NamingItThenIdentical()
    {
        string plan = Plan("12,64,64");
        Assert.Equal(ExitCodes.Ok, PlanFixture.Coloc("run-block", "--plan", plan, "--blocks", "0-7").Code);
        string kept = Path.Combine(Path.GetDirectoryName(plan)!, "block5.bin");
        File.Move(BlockResultFile.PathOf(plan, 5), kept);
        string merged = Path.Combine(Path.GetDirectoryName(plan)!, "merged");
        var m = PlanFixture.Coloc("merge", "--plan", plan, "--out", merged);
        Assert.Equal(ExitCodes.Incomplete, m.Code);
        Assert.Contains("missing blocks: 5\n", m.Out);
        Assert.False(Directory.Exists(merged));
        File.Move(kept, BlockResultFile.PathOf(plan, 5));
        Assert.Equal(ExitCodes.Ok, PlanFixture.Coloc("merge", "--plan", plan, "--out", merged).Code);
        AssertSameFiles(RunDir.Value, merged);
    }

    [Fact]
    public void RunBlock_Rerun_SkipsFinishedBlocksAndRewritesNothing()
    {
        string plan = Plan("24,50,100");
        Assert.Equal(ExitCodes.Ok, PlanFixture.Coloc("run-block", "--plan", plan, "--blocks", "1").Code);
        var before = File.GetLastWriteTimeUtc(BlockResultFile.PathOf(plan, 1));
        var again = PlanFixture.Coloc("run-block", "--plan", plan, "--blocks", "1");
        Assert.Contains("1 done already", again.Out);
        Assert.Equal(before, File.GetLastWriteTimeUtc(BlockResultFile.PathOf(plan, 1)));
        Assert.Empty(Directory.GetFiles(BlockResultFile.Folder(plan), ".*"));
    }

    [Fact]
    public void Select_IndexFromSchedulerEnvironment_BlockOrShard()
    {
        var env = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2" };
        Assert.Equal([4, 5], Commands.RunBlockCommand.Select(null, null, null, 4, null, 8, k => env.GetValueOrDefault(k)));
        var lsf = new Dictionary<string, string> { ["LSB_JOBINDEX"] = "8" };
        Assert.Equal([7], Commands.RunBlockCommand.Select(null, null, null, null, null, 8, k => lsf.GetValueOrDefault(k)));
        Assert.Throws<UsageException>(() => Commands.RunBlockCommand.Select(null, null, null, null, null, 8, _ => null));
    }
}
