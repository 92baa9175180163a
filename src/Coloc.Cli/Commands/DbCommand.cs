using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;
using Coloc.Cli.Parameters;
using Coloc.IO;
using Coloc.IO.Database;
using Coloc.IO.Results;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc db select</c>: reads whole-image matches back from a MagellanMapper database (ours or MagellanMapper's),
/// optionally only those whose two blobs lie in a box, and writes the same <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> and
/// <c>summary.json</c> as <c>coloc match</c>, with the database ids filled. Opens the database read-only.
/// </summary>
public static class DbCommand
{
    /// <summary>Builds the <c>db</c> command and its subcommands.</summary>
    public static Command Create(TextWriter stdout)
    {
        var parameters = CliCommands.Options(CliCommands.DbSelect);
        var select = new Command("select", CliCommands.DbSelect.Description);
        parameters.AddTo(select);
        select.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            var chls = values.Channels(DatabaseParameters.Channels)!;
            var (off, size) = DatabaseParameters.Region(values);
            string path = values.Get(DatabaseParameters.Database)!;
            string outDir = values.Get(SharedParameters.OutFolder)!;

            var sw = Stopwatch.StartNew();
            MatchSet matches;
            using (var clr = ClrDb.OpenReadOnly(path))
                matches = MatchDatabase.SelectMatches(clr, chls, off, size, values.Get(DatabaseParameters.Experiment));
            // the database keeps only matched blobs, so the summary has no per-channel blob counts
            var summary = MatchSummary.Of("db", matches, ReadOnlySpan<Core.Blobs.Blob>.Empty);
            ResultWriter.Write(new ResultTarget { Folder = outDir }, new ResultContent(matches, summary));
            foreach (var (pair, count) in summary.Pairs) stdout.WriteLine($"{pair.Key}: {count} matches");
            stdout.WriteLine($"wrote {matches.Pairs.Count} match table(s) and summary.json to {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return new Command("db", "Work with MagellanMapper results databases.") { select };
    }
}
