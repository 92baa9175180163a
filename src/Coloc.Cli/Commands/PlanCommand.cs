using System.CommandLine;
using Coloc.IO.Images;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;
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
        var parameters = CliCommands.Options(CliCommands.Plan);
        var cmd = new Command(CliCommands.Plan.Name, CliCommands.Plan.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            using var stack = ImageInputs.Open(PipelineOptions.ImagePath(values), maxExpansion: LimitParameters.Limits(values).MaxExpansion);
            var spec = PipelineOptions.Spec(values, stack);
            string dir = Path.GetFullPath(values.Get(SharedParameters.OutFolder)!);
            if (File.Exists(Path.Combine(dir, PlanFile.FileName)))
            {
                var (old, oldHash) = PlanFile.Read(dir);
                if (oldHash != PlanFile.Hash(spec))
                    throw new ParameterException(SharedParameters.OutFolder, $"{dir} already holds another plan ({oldHash[..12]}); use a new folder");
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
