using System.Diagnostics;
using Coloc.IO.Plan;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Plan;

public class JobScriptsTests
{
    private static JobScriptOptions Options(int tasks = 12) => new()
    {
        ColocCommand = "/shared/bin/coloc",
        PlanDir = "/scratch/my plan",
        PlanHash = "0123456789abcdef" + new string('0', 48),
        BlockCount = 12,
        Tasks = tasks,
        MaxRunning = 3,
        OutDir = "/scratch/out",
        DbPath = "/scratch/out/coloc.db",
        Partition = "ci",
        Time = "00:10:00",
    };

    [Fact]
    public void Slurm_ArrayAndMerge_ContractFlags()
    {
        var s = JobScripts.Create("slurm", Options()).ToDictionary(x => x.FileName, x => x.Text);
        Assert.Contains("#SBATCH --array=0-11%3\n", s["array.sbatch"]);
        Assert.Contains("#SBATCH --job-name=coloc-01234567\n", s["array.sbatch"]);
        Assert.Contains("run-block --plan '/scratch/my plan' --tasks 12 --index-base 0", s["array.sbatch"]);
        Assert.Contains("#SBATCH --partition=ci\n", s["merge.sbatch"]);
        Assert.Contains("merge --plan '/scratch/my plan' --out /scratch/out --db /scratch/out/coloc.db", s["merge.sbatch"]);
        Assert.Contains("--dependency=afterok:$array --kill-on-invalid-dep=yes", s["submit.sh"]);
        Assert.Contains("--array=\"$missing%3\"", s["resubmit-missing.sh"]);
        Assert.Contains("status --plan '/scratch/my plan' --tasks 12 --index-base 0 --list", s["resubmit-missing.sh"]);
    }

    [Fact]
    public void Lsf_OneBasedArrayWithDoneDependency()
    {
        var s = JobScripts.Create("lsf", Options(4)).ToDictionary(x => x.FileName, x => x.Text);
        Assert.Contains("#BSUB -J \"coloc-01234567[1-4]%3\"", s["array.lsf"]);
        Assert.Contains("--tasks 4 --index-base 1", s["array.lsf"]);
        Assert.Contains("-w \"done(coloc-01234567)\" -ti", s["submit.sh"]);
    }

    [Fact]
    public void SgeAndPbs_ArrayRanges()
    {
        var sge = JobScripts.Create("sge", Options(4)).ToDictionary(x => x.FileName, x => x.Text);
        Assert.Contains("#$ -t 1-4\n#$ -tc 3\n", sge["array.sge"]);
        Assert.Contains("#$ -hold_jid coloc-01234567\n", sge["merge.sge"]);
        var pbs = JobScripts.Create("pbs", Options(4)).ToDictionary(x => x.FileName, x => x.Text);
        Assert.Contains("#PBS -J 0-3\n", pbs["array.pbs"]);
        Assert.Contains("depend=afterok:$array", pbs["submit.sh"]);
        var single = JobScripts.Create("pbs", Options(1)).ToDictionary(x => x.FileName, x => x.Text);
        Assert.DoesNotContain("#PBS -J", single["array.pbs"]);
    }

    [Theory]
    [InlineData("slurm")]
    [InlineData("lsf")]
    [InlineData("sge")]
    [InlineData("pbs")]
    public void Write_EveryScript_ValidBashSyntaxAndSubmitScriptsExecutable(string scheduler)
    {
        var dir = RepoPaths.NewTempDir();
        var paths = JobScripts.Write(dir, JobScripts.Create(scheduler, Options(5)));
        Assert.True(Directory.Exists(Path.Combine(dir, "logs")));
        foreach (var p in paths)
        {
            var psi = new ProcessStartInfo("bash", ["-n", p]) { RedirectStandardError = true };
            using var proc = Process.Start(psi)!;
            string err = proc.StandardError.ReadToEnd();
            proc.WaitForExit();
            Assert.True(proc.ExitCode == 0, $"{Path.GetFileName(p)}: {err}");
            if (p.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
                Assert.True(File.GetUnixFileMode(p).HasFlag(UnixFileMode.UserExecute));
        }
    }

    [Fact]
    public void Create_MoreTasksThanBlocks_Throws() =>
        Assert.Throws<ArgumentException>(() => JobScripts.Create("slurm", Options(13)));

    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("/a b/c", "'/a b/c'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("", "''")]
    public void Quote_Words_ShellSafe(string s, string expected) => Assert.Equal(expected, Shell.Quote(s));
}
