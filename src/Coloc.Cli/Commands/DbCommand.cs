using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Matching;
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
        var db = new Option<string>("--db") { Description = "MagellanMapper database file (SQLite)", Required = true };
        var channels = new Option<string>("--channels") { Description = "Channels to pair, 0-based, e.g. 0,1,2", Required = true };
        var offset = new Option<string?>("--offset") { Description = "Region offset Z,Y,X in voxels (with --shape)" };
        var shape = new Option<string?>("--shape") { Description = "Region size Z,Y,X in voxels (with --offset); a match is kept when both blobs lie in offset <= zyx < offset+shape" };
        var expName = new Option<string?>("--exp-name") { Description = "Experiment name (default: the only experiment in the database)" };
        var output = new Option<string>("--out") { Description = "Output folder (created if missing)", Required = true };
        var select = new Command("select", "Read stored matches (whole image or a region) into match CSVs.")
        {
            db, channels, offset, shape, expName, output,
        };
        select.SetAction(pr =>
        {
            var chls = CliValues.Channels(pr.GetValue(channels)!, "--channels");
            var (o, s) = (pr.GetValue(offset), pr.GetValue(shape));
            if ((o is null) != (s is null)) throw new UsageException(o is null ? "--shape: needs --offset" : "--offset: needs --shape");
            var off = o is null ? (Core.Geometry.Zyx?)null : CliValues.Vector(o, "--offset");
            var size = s is null ? (Core.Geometry.Zyx?)null : CliValues.PositiveVector(s, "--shape");
            string path = pr.GetValue(db)!;
            string outDir = pr.GetValue(output)!;

            var sw = Stopwatch.StartNew();
            MatchSet matches;
            using (var clr = ClrDb.OpenReadOnly(path))
                matches = MatchDatabase.SelectMatches(clr, chls, off, size, pr.GetValue(expName));
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
