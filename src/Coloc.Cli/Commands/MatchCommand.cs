using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;
using Coloc.Cli.Parameters;
using Coloc.IO.Csv;
using Coloc.IO.Results;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc match</c>: match colocalization of a blob CSV, one ROI (<c>--roi-offset/--roi-size</c>) or the whole stack
/// (<c>--shape</c>), writing <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> and <c>summary.json</c> into <c>--out</c>.
/// </summary>
public static class MatchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var parameters = CliCommands.Options(CliCommands.Match);
        var cmd = new Command(CliCommands.Match.Name, CliCommands.Match.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            var request = MatchParameters.Request(values);
            string blobPath = values.Get(SharedParameters.Blobs)!;
            string outDir = values.Get(SharedParameters.OutFolder)!;
            string? dbPath = values.Get(SharedParameters.Database);
            string? exp = MatchParameters.Experiment(values, blobPath);

            var sw = Stopwatch.StartNew();
            if (OutOfCoreMatch.Chosen(values, request, blobPath, dbPath))
            {
                var (streamed, slabs) = OutOfCoreMatch.Run(values, request, blobPath, outDir);
                foreach (var line in streamed.Lines()) stdout.WriteLine(line);
                stdout.WriteLine($"wrote {streamed.Pairs.Count} match table(s) and summary.json to {outDir} in {sw.Elapsed.TotalSeconds:0.00} s (out of core, {slabs} slab(s))");
                return ExitCodes.Ok;
            }
            var input = BlobCsv.Read(blobPath, request.Threads);
            var matches = MatchEngine.Run(input, request);
            var summary = MatchSummary.Of(request.Mode.ToString().ToLowerInvariant(), matches, input) with { TolVoxels = request.EffectiveTolVoxels() };
            matches = ResultWriter.Write(
                new ResultTarget { Folder = outDir, DatabasePath = dbPath, Experiment = exp, Threads = request.Threads }, new ResultContent(matches, summary) { Request = request });
            if (dbPath is not null) stdout.WriteLine($"stored {matches.TotalCount} match(es) in {dbPath} (experiment '{exp}')");
            foreach (var line in summary.Lines()) stdout.WriteLine(line);
            stdout.WriteLine($"wrote {matches.Pairs.Count} match table(s) and summary.json to {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
