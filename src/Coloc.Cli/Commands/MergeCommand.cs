using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Pipeline;
using Coloc.IO;
using Coloc.IO.Plan;
using Coloc.IO.Results;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc merge --plan DIR --out DIR [--db FILE.db]</c>: joins the block results of a plan (owned blobs only, in
/// canonical order), runs exact matching over the whole image and the whole-image intensity thresholds, and writes
/// the same files as <c>coloc run</c>. Exit 3, writing nothing, when a block result is missing.
/// </summary>
public static class MergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var plan = new Option<string>("--plan") { Description = "Plan folder (made by 'coloc plan')", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder (created if missing)", Required = true };
        var db = new Option<string?>("--db") { Description = "Also store the matches in this MagellanMapper database (SQLite, created if missing); the CSVs then carry the ids" };
        var expName = new Option<string?>("--exp-name") { Description = "Experiment name in --db (default: the image file name without extension)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); never changes the result", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("merge", "Merge the block results of a plan into the whole-image result (as 'coloc run').") { plan, output, db, expName, threads };
        cmd.SetAction(pr =>
        {
            int nThreads = pr.GetValue(threads) is var n && n >= 1 ? n : throw new UsageException($"--threads: must be >= 1, got {n}");
            string dir = Path.GetFullPath(pr.GetValue(plan)!);
            var sw = Stopwatch.StartNew();
            var (spec, hash) = PlanFile.Read(dir);
            var grid = spec.Grid;
            var results = new BlockResult?[grid.Count];
            var problems = new string?[grid.Count];
            Parallel.For(0, grid.Count, new ParallelOptions { MaxDegreeOfParallelism = nThreads },
                i => results[i] = BlockResultFile.TryRead(dir, hash, i, out problems[i]));
            var missing = Enumerable.Range(0, grid.Count).Where(i => results[i] is null).ToArray();
            if (missing.Length > 0)
            {
                var scan = new ResultScan(grid.Count, missing, problems.Where(p => p is not null).Select(p => p!).ToArray());
                MissingReport.Write(scan, dir, hash, null, 0, stdout, stderr);
                stderr.WriteLine($"coloc: {dir}: {missing.Length} of {grid.Count} block results missing: {scan.MissingRanges}; nothing written");
                return ExitCodes.Incomplete;
            }
            var (blobs, means) = BlockMerge.Merge(results!, grid, spec.ChannelCount);
            var result = ColocPipeline.Finish(blobs, means, spec.ChannelCount, PlanRequests.Match(spec, nThreads));
            string outDir = pr.GetValue(output)!;
            string? dbPath = pr.GetValue(db);
            if (pr.GetValue(expName) is not null && dbPath is null) throw new UsageException("--exp-name: needs --db");
            string? exp = dbPath is null ? null : pr.GetValue(expName) ?? Path.GetFileNameWithoutExtension(spec.ImagePath);
            ResultWriter.Write(new ResultTarget { Folder = outDir, DatabasePath = dbPath, Experiment = exp, Threads = nThreads }, ResultContent.Of(result));
            foreach (var line in result.Summary.Lines()) stdout.WriteLine(line);
            stdout.WriteLine($"merged {grid.Count} blocks: {blobs.Length} blobs; wrote {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
