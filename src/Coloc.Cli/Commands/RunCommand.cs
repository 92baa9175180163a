using System.CommandLine;
using System.Diagnostics;
using Coloc.IO.Results;
using Coloc.IO.Tiff;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc run --image FILE.tif --out DIR [--db FILE.db]</c>: detect → match (exact) → intensity in one go, block by
/// block with a progress bar on the terminal; writes <c>blobs.csv</c>, <c>intensity.csv</c>,
/// <c>matches_c&lt;a&gt;_c&lt;b&gt;.csv</c> and <c>summary.json</c> — the files <c>coloc merge</c> writes for a plan with the
/// same options, byte for byte.
/// </summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, bool progress)
    {
        var options = new PipelineOptions();
        var output = new Option<string>("--out") { Description = "Output folder (created if missing)", Required = true };
        var db = new Option<string?>("--db") { Description = "Also store the matches in this MagellanMapper database (SQLite, created if missing); the CSVs then carry the ids" };
        var expName = new Option<string?>("--exp-name") { Description = "Experiment name in --db (default: the image file name without extension)" };
        var cmd = new Command("run", "Detect blobs, match them between channels (exact) and colocalize by intensity, in one go.") { output, db, expName };
        options.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var sw = Stopwatch.StartNew();
            int threads = options.ThreadCount(pr);
            using var stack = TiffStack.Open(options.ImagePath(pr));
            var spec = options.Spec(pr, stack);
            var bar = new ProgressBar(stderr, progress, "detect", spec.Grid.Count, "blocks");
            bar.Report(0);
            var result = BlockWork.RunAll(stack, spec, threads, bar.Report);
            bar.Done();
            string outDir = pr.GetValue(output)!;
            string? dbPath = pr.GetValue(db);
            if (pr.GetValue(expName) is not null && dbPath is null) throw new UsageException("--exp-name: needs --db");
            string? exp = dbPath is null ? null : pr.GetValue(expName) ?? Path.GetFileNameWithoutExtension(spec.ImagePath);
            ResultWriter.Write(new ResultTarget { Folder = outDir, DatabasePath = dbPath, Experiment = exp, Threads = threads }, ResultContent.Of(result));
            foreach (var line in result.Summary.Lines()) stdout.WriteLine(line);
            stdout.WriteLine($"{result.Blobs.Length} blobs in {spec.ChannelCount} channel(s), {spec.Grid.Count} block(s); wrote {outDir} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
