using System.CommandLine;
using System.Diagnostics;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;

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
            var run = RegionRun.Prepare(values, values.Get(SharedParameters.Blobs)!, values.Get(RegionParameters.Matches)!);
            var result = run.Execute(outDir);
            stdout.WriteLine($"wrote regions.csv ({result.Rows.Length} regions, {result.Pairs.Length} pair(s), {run.Request.Permutations} permutations), " +
                $"{result.ChannelMaps.Length + result.PairMaps.Length} heat map(s) and summary.json to {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
