using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Pipeline;
using Coloc.IO;
using Coloc.IO.Plan;
using Coloc.IO.Results;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;

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
        var parameters = CliCommands.Options(CliCommands.Merge);
        var cmd = new Command(CliCommands.Merge.Name, CliCommands.Merge.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            int nThreads = values.Integer(SharedParameters.Threads, Environment.ProcessorCount);
            string dir = Path.GetFullPath(values.Get(ClusterParameters.Plan)!);
            var sw = Stopwatch.StartNew();
            var (spec, hash) = PlanFile.Read(dir);
            string? exp = MatchParameters.Experiment(values, spec.ImagePath);
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
            string outDir = values.Get(SharedParameters.OutFolder)!;
            string? dbPath = values.Get(SharedParameters.Database);
            ResultWriter.Write(new ResultTarget { Folder = outDir, DatabasePath = dbPath, Experiment = exp, Threads = nThreads }, ResultContent.Of(result));
            foreach (var line in result.Summary.Lines()) stdout.WriteLine(line);
            stdout.WriteLine($"merged {grid.Count} blocks: {blobs.Length} blobs; wrote {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
