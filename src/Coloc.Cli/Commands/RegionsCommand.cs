using System.CommandLine;
using System.Diagnostics;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;
using Coloc.IO.Regions;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc regions</c>: blobs and matches counted per atlas region (heat maps as MagellanMapper), with the
/// expected count under the null model, enrichment, p- and q-values per region and channel pair.
/// </summary>
public static class RegionsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var parameters = CliCommands.Options(CliCommands.Regions);
        var cmd = new Command(CliCommands.Regions.Name, CliCommands.Regions.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            var sw = Stopwatch.StartNew();
            string outDir = values.Get(SharedParameters.OutFolder)!;
            var run = RegionRun.Prepare(values, values.Get(SharedParameters.Blobs)!, values.Get(RegionParameters.Matches)!,
                openImage: path => ImageInputs.Open(path));
            var result = run.Execute(outDir, plots: RegionPlotFiles.For(run));
            stdout.WriteLine($"{run.Report(result, outDir)} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
