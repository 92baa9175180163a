using System.CommandLine;
using System.Diagnostics;
using Coloc.IO.Images;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;
using Coloc.IO.Results;
using Coloc.IO.Tiff;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc run --image FILE.tif --out DIR [--db FILE.db]</c>: detect → match (exact) → intensity in one go, block by
/// block with a progress bar on the terminal; writes <c>blobs.csv</c>, <c>intensity.csv</c>,
/// <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> and <c>summary.json</c> (with <c>--labels</c> also <c>regions/</c>, as <c>coloc regions</c>) — the files <c>coloc merge</c> writes for a plan with the
/// same options, byte for byte.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, bool progress)
    {
        var parameters = CliCommands.Options(CliCommands.Run);
        var cmd = new Command(CliCommands.Run.Name, CliCommands.Run.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var sw = Stopwatch.StartNew();
            var values = parameters.Values(pr);
            int threads = values.Integer(SharedParameters.Threads, Environment.ProcessorCount);
            using var stack = ImageInputs.Open(PipelineOptions.ImagePath(values), maxExpansion: LimitParameters.Limits(values).MaxExpansion);
            var spec = PipelineOptions.Spec(values, stack);
            string? exp = MatchParameters.Experiment(values, spec.ImagePath);
            bool regions = values.Get(RegionParameters.Labels) is not null;
            if (regions) RegionRun.ReadLabels(values, stack.Shape);
            var bar = new ProgressBar(stderr, progress, "detect", spec.Grid.Count, "blocks");
            bar.Report(0);
            var result = BlockWork.RunAll(stack, spec, threads, bar.Report);
            bar.Done();
            string outDir = values.Get(SharedParameters.OutFolder)!;
            string? dbPath = values.Get(SharedParameters.Database);
            ResultWriter.Write(new ResultTarget { Folder = outDir, DatabasePath = dbPath, Experiment = exp, Threads = threads }, ResultContent.Of(result));
            if (regions)
            {
                var image = (stack.Shape, (Coloc.Core.Geometry.Zyx?)(values.PositiveVector(SharedParameters.Resolution) ?? stack.ResolutionUm));
                RegionRun.Prepare(values, Path.Combine(outDir, "blobs.csv"), outDir, result.Blobs, image).Execute(Path.Combine(outDir, "regions"));
            }
            foreach (var line in result.Summary.Lines()) stdout.WriteLine(line);
            stdout.WriteLine($"{result.Blobs.Length} blobs in {spec.ChannelCount} channel(s), {spec.Grid.Count} block(s); wrote {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
