using System.CommandLine;
using Coloc.IO.Plan;
using Coloc.IO.Tiff;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc plan --image FILE.tif --out PLAN_DIR [--block-size Z,Y,X] [--profile ...] [detection/matching options]</c>:
/// fixes the block grid (z-major numbering), the detection halo and every parameter in <c>PLAN_DIR/plan.json</c>
/// with their hash; prints the block count N and a suggested task count.
/// </summary>
public static class PlanCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var options = new PipelineOptions();
        var output = new Option<string>("--out") { Description = "Plan folder (created if missing)", Required = true };
        var cmd = new Command("plan", "Plan a block-parallel run: block grid, halo and parameters in PLAN_DIR/plan.json.") { output };
        options.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            using var stack = TiffStack.Open(options.ImagePath(pr));
            var spec = options.Spec(pr, stack);
            string dir = Path.GetFullPath(pr.GetValue(output)!);
            if (File.Exists(Path.Combine(dir, PlanFile.FileName)))
            {
                var (old, oldHash) = PlanFile.Read(dir);
                if (oldHash != PlanFile.Hash(spec))
                    throw new UsageException($"--out: {dir} already holds another plan ({oldHash[..12]}); use a new folder");
                _ = old;
            }
            int tasks = TaskSizing.Suggest(spec);
            PlanFile.Write(dir, spec, tasks);
            var g = spec.Grid;
            stdout.WriteLine($"plan {PlanFile.Hash(spec)[..12]}: {g.Count} blocks ({g.Counts.Z}×{g.Counts.Y}×{g.Counts.X} of {spec.CoreVoxels} voxels, halo {spec.HaloVoxels}) over {spec.ShapeVoxels}, {spec.ChannelCount} channel(s)");
            stdout.WriteLine($"N={g.Count}");
            double perTask = TaskSizing.SecondsPerBlock(spec) * g.Count / tasks;
            string each = perTask < 60 ? $"{perTask:0.#} s" : $"{perTask / 60:0.#} min";
            stdout.WriteLine($"suggested tasks: {tasks} (about {each} each; tasks of >= 10 min, arrays of <= 1000)");
            stdout.WriteLine($"next: coloc emit-jobs --plan {dir} --scheduler slurm --tasks {tasks}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
