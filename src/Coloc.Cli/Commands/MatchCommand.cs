using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Profiles;
using Coloc.IO;
using Coloc.IO.Csv;
using Coloc.IO.Files;
using Coloc.IO.Json;

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
        var blobs = new Option<string>("--blobs") { Description = "Blob CSV (header z,y,x,radius,confirmed,truth,channel; channel 0-based)", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder (created if missing)", Required = true };
        var mode = new Option<string>("--mode") { Description = "exact (default): largest optimal matching; magmap: MagellanMapper's result row for row", DefaultValueFactory = _ => "exact" };
        mode.AcceptOnlyFromAmong("exact", "magmap");
        var tol = new Option<string?>("--tol") { Description = "Tolerance Z,Y,X in voxels (ROI runs; stack runs: overrides the profile)" };
        var tolUm = new Option<string?>("--tol-um") { Description = "Tolerance Z,Y,X in µm (with --resolution)" };
        var roiOffset = new Option<string?>("--roi-offset") { Description = "ROI offset Z,Y,X in voxels (one-ROI run)" };
        var roiSize = new Option<string?>("--roi-size") { Description = "ROI size Z,Y,X in voxels (one-ROI run)" };
        var innerPadding = new Option<string?>("--inner-padding") { Description = "Inner padding Z,Y,X in voxels (magmap ROI runs; default floor(tol))" };
        var channels = new Option<string?>("--channels") { Description = "Channels to pair, 0-based, e.g. 0,2 (default all)" };
        var shape = new Option<string?>("--shape") { Description = "Stack shape Z,Y,X in voxels (whole-stack run)" };
        var resolution = new Option<string?>("--resolution") { Description = "Voxel size Z,Y,X in µm (default 1,1,1)" };
        var profile = new Option<string>("--profile") { Description = "ROI profiles, comma-separated, applied on top of default (e.g. default,lightsheet)", DefaultValueFactory = _ => "default" };
        var profileSet = new Option<string[]>("--profile-set") { Description = "Profile setting KEY=VALUE on top of --profile (repeatable), e.g. segment_size=300 or verify_tol_factor=3,1.2,1.2", AllowMultipleArgumentsPerToken = false };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); never changes the result", DefaultValueFactory = _ => Environment.ProcessorCount };
        var blockSize = new Option<string?>("--block-size") { Description = "Block size Z,Y,X in voxels for exact stack runs; never changes the result" };
        var db = new Option<string?>("--db") { Description = "Also store the matches in this MagellanMapper database (SQLite, created if missing); the CSVs then carry the ids" };
        var expName = new Option<string?>("--exp-name") { Description = "Experiment name in --db (default: the blob file name without extension)" };

        var cmd = new Command("match", "Match blobs between channels (one ROI or the whole stack).")
        {
            blobs, output, mode, tol, tolUm, roiOffset, roiSize, innerPadding, channels, shape, resolution, profile, profileSet, threads, blockSize, db, expName,
        };
        cmd.SetAction(pr =>
        {
            var request = new MatchRequest
            {
                Mode = pr.GetValue(mode) == "magmap" ? MatchMode.Magmap : MatchMode.Exact,
                Roi = RoiOf(pr.GetValue(roiOffset), pr.GetValue(roiSize)),
                ShapeVoxels = pr.GetValue(shape) is { } s ? CliValues.PositiveShape(s, "--shape") : null,
                TolVoxels = pr.GetValue(tol) is { } t ? CliValues.PositiveVector(t, "--tol") : null,
                TolUm = pr.GetValue(tolUm) is { } tu ? CliValues.PositiveVector(tu, "--tol-um") : null,
                InnerPaddingVoxels = pr.GetValue(innerPadding) is { } ip ? NonNegative(ip, "--inner-padding") : null,
                Channels = pr.GetValue(channels) is { } c ? CliValues.Channels(c, "--channels") : null,
                ResolutionUm = pr.GetValue(resolution) is { } r ? CliValues.PositiveVector(r, "--resolution") : Zyx.All(1),
                Profile = CliValues.Profile(pr.GetValue(profile)!, pr.GetValue(profileSet) ?? []),
                Threads = pr.GetValue(threads) is var n && n >= 1 ? n : throw new UsageException($"--threads: must be >= 1, got {n}"),
                BlockSizeVoxels = pr.GetValue(blockSize) is { } b ? CliValues.PositiveShape(b, "--block-size") : null,
            };
            if (request.TolUm is not null && pr.GetValue(resolution) is null)
                throw new UsageException("--tol-um: needs --resolution (µm per voxel, Z,Y,X)");
            if (request.Roi is null && request.ShapeVoxels is null)
                throw new UsageException("give --roi-offset and --roi-size (one ROI) or --shape (whole stack)");
            if (request.Roi is not null && request.ShapeVoxels is not null)
                throw new UsageException("--shape: not with --roi-offset/--roi-size (choose one ROI or the whole stack)");
            string blobPath = pr.GetValue(blobs)!;
            string outDir = pr.GetValue(output)!;
            string? dbPath = pr.GetValue(db);
            if (pr.GetValue(expName) is not null && dbPath is null) throw new UsageException("--exp-name: needs --db");

            var sw = Stopwatch.StartNew();
            var input = BlobCsv.Read(blobPath, request.Threads);
            var matches = MatchEngine.Run(input, request);
            var summary = MatchSummary.Of(request.Mode.ToString().ToLowerInvariant(), matches, input);
            if (dbPath is null)
                MatchOutput.Write(outDir, matches, summary, threads: request.Threads);
            else
            {
                // database and folder land together: the CSVs (with ids) are staged inside the transaction and moved
                // into place right after the commit
                string exp = pr.GetValue(expName) ?? Path.GetFileNameWithoutExtension(blobPath);
                StagedFolder? staged = null;
                try
                {
                    matches = DbStore.Insert(dbPath, matches, exp, stored => staged = MatchOutput.Stage(outDir, stored, summary, threads: request.Threads));
                    staged!.Commit();
                }
                finally
                {
                    staged?.Dispose();
                }
                stdout.WriteLine($"stored {matches.TotalCount} match(es) in {dbPath} (experiment '{exp}')");
            }
            foreach (var line in summary.Lines()) stdout.WriteLine(line);
            stdout.WriteLine($"wrote {matches.Pairs.Count} match table(s) and summary.json to {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Box? RoiOf(string? offset, string? size)
    {
        if (offset is null && size is null) return null;
        if (offset is null) throw new UsageException("--roi-size: needs --roi-offset");
        if (size is null) throw new UsageException("--roi-offset: needs --roi-size");
        return new Box(CliValues.Vector(offset, "--roi-offset"), CliValues.PositiveVector(size, "--roi-size"));
    }

    private static Zyx NonNegative(string text, string flag)
    {
        var v = CliValues.Vector(text, flag);
        if (v.Min < 0) throw new UsageException($"{flag}: values must be >= 0, got '{text}'");
        return v;
    }
}
