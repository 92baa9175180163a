using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Parameters;
using Coloc.Cli.Parameters;
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
            // Parameters first (a bad value is reported before any file is read); the resolution may come from an archive.
            bool fileResolution = values.Texts(BlobInputParameters.Blobs).Any(p => Path.GetExtension(p).ToLowerInvariant() is ".npz" or ".xml");
            var checkedRequest = MatchParameters.Request(values, imageResolutionUm: fileResolution ? Zyx.All(1) : null);
            MatchParameters.Experiment(values, values.Texts(BlobInputParameters.Blobs).FirstOrDefault());
            var sw = Stopwatch.StartNew();
            string outDir = values.Get(SharedParameters.OutFolder)!;
            string? dbPath = values.Get(SharedParameters.Database);
            var blobPaths = values.Texts(BlobInputParameters.Blobs);
            if (blobPaths.Count == 1 && Path.GetExtension(blobPaths[0]).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            {
                // A single blob CSV can be streamed into slabs (out of core) without reading it whole.
                // (a CSV carries no resolution, so the request checked above is the one that runs)
                if (OutOfCoreMatch.Chosen(values, checkedRequest, blobPaths[0], dbPath))
                {
                    var (streamed, slabs, axis) = OutOfCoreMatch.Run(values, checkedRequest, blobPaths[0], outDir);
                    foreach (var line in streamed.Lines()) stdout.WriteLine(line);
                    stdout.WriteLine($"wrote {streamed.Pairs.Count} match table(s) and summary.json to {outDir} in {sw.Elapsed.TotalSeconds:0.00} s (out of core, {slabs} slab(s) along {"zyx"[axis]})");
                    return ExitCodes.Ok;
                }
            }
            var table = BlobInputs.Read(values, BlobInputParameters.Blobs, threads: values.Integer(SharedParameters.Threads, 0));
            var request = MatchParameters.Request(values, imageResolutionUm: table.ResolutionUm);
            string? exp = MatchParameters.Experiment(values, table.ImageName ?? values.Texts(BlobInputParameters.Blobs)[0]);
            var input = table.Blobs;
            CheckChannels(values, request, input.Select(b => (int)b.Channel).Distinct().Count());
            var matches = MatchEngine.Run(input, request);
            var summary = MatchSummary.Of(request.Mode.ToString().ToLowerInvariant(), matches, input);
            matches = ResultWriter.Write(
                new ResultTarget { Folder = outDir, DatabasePath = dbPath, Experiment = exp, Threads = request.Threads }, new ResultContent(matches, summary) { Request = request });
            if (dbPath is not null) stdout.WriteLine($"stored {matches.TotalCount} match(es) in {dbPath} (experiment '{exp}')");
            foreach (var line in summary.Lines()) stdout.WriteLine(line);
            stdout.WriteLine($"wrote {matches.Pairs.Count} match table(s) and summary.json to {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>
    /// Refuses more channels than <c>--max-channels</c> before matching (n channels make n(n−1)/2 tables): the
    /// request's <c>--channels</c> when given, else the <paramref name="channelsInInput"/> the blobs hold. The in-memory
    /// and the out-of-core run both call it.
    /// </summary>
    /// <exception cref="UsageException">Too many channels.</exception>
    internal static void CheckChannels(IParameterValues values, MatchRequest request, int channelsInInput)
    {
        int limit = LimitParameters.Limits(values).MaxChannels;
        int n = request.Channels?.Count ?? channelsInInput;
        if (n > limit)
            throw new UsageException($"{string.Join("+", values.Texts(BlobInputParameters.Blobs))}: {n} channels ({(long)n * (n - 1) / 2} channel pairs), "
                + $"more than the limit of {limit} (--max-channels); select channels with --channels or raise the limit");
    }
}
