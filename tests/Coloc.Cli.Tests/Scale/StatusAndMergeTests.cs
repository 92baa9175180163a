using Coloc.Core.Geometry;
using Coloc.IO.Plan;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Scale;

public class StatusAndMergeTests
{
    [Fact]
    public void Status_AllBlocksPresent_Exit0()
    {
        var (dir, spec, _) = PlanFixture.Create(new ZyxInt(9, 20, 22));
        var r = PlanFixture.Coloc("status", "--plan", dir);
        Assert.Equal(ExitCodes.Ok, r.Code);
        Assert.Contains($"{spec.Grid.Count} blocks, {spec.Grid.Count} done, 0 missing", r.Out);
    }

    [Fact]
    public void Status_ThreeBlocksRemoved_Exit3WithExactRangeList()
    {
        var (dir, _, _) = PlanFixture.Create(new ZyxInt(9, 20, 22));
        foreach (int i in new[] { 1, 2, 6 }) File.Delete(BlockResultFile.PathOf(dir, i));
        var r = PlanFixture.Coloc("status", "--plan", dir, "--tasks", "8");
        Assert.Equal(ExitCodes.Incomplete, r.Code);
        Assert.Contains("missing blocks: 1-2,6\n", r.Out);
        Assert.Contains("missing tasks (of 8, numbered from 0): 1-2,6\n", r.Out);
        var list = PlanFixture.Coloc("status", "--plan", dir, "--list");
        Assert.Equal((ExitCodes.Incomplete, "1-2,6\n"), (list.Code, list.Out));
        var tasks = PlanFixture.Coloc("status", "--plan", dir, "--tasks", "3", "--index-base", "1", "--list");
        Assert.Equal("1-3\n", tasks.Out); // 8 blocks in 3 shards [0,2) [2,5) [5,8): blocks 1, 2, 6 → shards 0, 1, 2 → 1-based 1-3
    }

    [Fact]
    public void Merge_OneBlockMissing_Exit3NamingItAndWritesNothing()
    {
        var (dir, _, _) = PlanFixture.Create(new ZyxInt(6, 14, 15));
        File.Delete(BlockResultFile.PathOf(dir, 13));
        string outDir = Path.Combine(RepoPaths.NewTempDir(), "out");
        var r = PlanFixture.Coloc("merge", "--plan", dir, "--out", outDir);
        Assert.Equal(ExitCodes.Incomplete, r.Code);
        Assert.Contains("missing blocks: 13\n", r.Out);
        Assert.Contains("block results missing: 13;", r.Err);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Merge_ForeignBlockResult_TreatedAsMissingWithReason()
    {
        var (dir, _, hash) = PlanFixture.Create(new ZyxInt(9, 20, 22));
        var foreign = BlockResultFile.TryRead(dir, hash, 4, out _)!;
        BlockResultFile.Write(dir, new string('f', 64), foreign);
        var r = PlanFixture.Coloc("merge", "--plan", dir, "--out", Path.Combine(RepoPaths.NewTempDir(), "o"));
        Assert.Equal(ExitCodes.Incomplete, r.Code);
        Assert.Contains("missing blocks: 4\n", r.Out);
        Assert.Contains("another plan", r.Err);
    }

    [Fact]
    public void Status_NoPlan_Exit2OneLine()
    {
        var r = PlanFixture.Coloc("status", "--plan", RepoPaths.NewTempDir());
        Assert.Equal(ExitCodes.BadInput, r.Code);
        Assert.Single(r.Err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void EmitJobs_Slurm_WritesScriptsForPlan()
    {
        var (dir, _, hash) = PlanFixture.Create(new ZyxInt(9, 20, 22));
        var r = PlanFixture.Coloc("emit-jobs", "--plan", dir, "--scheduler", "slurm", "--tasks", "8", "--max-running", "3", "--coloc", "/opt/coloc");
        Assert.Equal(ExitCodes.Ok, r.Code);
        string array = File.ReadAllText(Path.Combine(dir, "jobs", "array.sbatch"));
        Assert.Contains("#SBATCH --array=0-7%3", array);
        Assert.Contains($"coloc-{hash[..8]}", array);
        Assert.Contains("exec /opt/coloc run-block", array);
        var bad = PlanFixture.Coloc("emit-jobs", "--plan", dir, "--scheduler", "slurm", "--tasks", "9");
        Assert.Equal(ExitCodes.BadInput, bad.Code);
    }
}
