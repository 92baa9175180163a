using System.CommandLine;
using System.Globalization;
using Coloc.IO.Images;
using Coloc.Core.Pipeline;
using Coloc.IO.Plan;
using Coloc.IO.Tiff;
using Coloc.Cli.Parameters;
using Coloc.Core.Parameters;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc run-block --plan PLAN_DIR (--block-index I | --shard t/T | --blocks a-b | --tasks T)</c>: detection and
/// intensity sampling for those blocks, all channels. Without an explicit selection the index comes from
/// <c>SLURM_ARRAY_TASK_ID</c>, <c>LSB_JOBINDEX</c>, <c>SGE_TASK_ID</c> or <c>PBS_ARRAY_INDEX</c> (a block index, or with
/// <c>--tasks T</c> a shard of T). Each result is written atomically with the plan hash; blocks whose valid result is
/// already there are skipped, so reruns are always safe.
/// </summary>
public static class RunBlockCommand
{
    /// <summary>Builds the command; <paramref name="environment"/> reads environment variables.</summary>
    public static Command Create(TextWriter stdout, Func<string, string?> environment)
    {
        var parameters = CliCommands.Options(CliCommands.RunBlock);
        var cmd = new Command(CliCommands.RunBlock.Name, CliCommands.RunBlock.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            string dir = Path.GetFullPath(values.Get(ClusterParameters.Plan)!);
            int nThreads = values.Integer(SharedParameters.Threads, Environment.ProcessorCount);
            int? blockIndex = values.Get(ClusterParameters.BlockIndex) is { } bi ? ParameterText.Integer(ClusterParameters.BlockIndex, bi) : null;
            int? tasks = values.Get(ClusterParameters.Tasks) is { } ts ? ParameterText.Integer(ClusterParameters.Tasks, ts) : null;
            int? indexBase = values.Get(ClusterParameters.IndexBase) is not null ? int.Parse(values.Choice(ClusterParameters.IndexBase), System.Globalization.CultureInfo.InvariantCulture) : null;
            var (spec, hash) = PlanFile.Read(dir);
            int count = spec.Grid.Count;
            var indices = Select(blockIndex, values.Get(ClusterParameters.Shard), values.Get(ClusterParameters.Blocks), tasks, indexBase, count, environment);
            var todo = indices.Where(i => BlockResultFile.TryRead(dir, hash, i, out _) is null).ToArray();
            stdout.WriteLine($"plan {hash[..12]}: {indices.Length} block(s) selected ({IndexRanges.Format(indices)}), {indices.Length - todo.Length} done already");
            if (todo.Length == 0) return ExitCodes.Ok;
            if (!PlaneFiles.IsPlanes(spec.ImagePath) && !File.Exists(spec.ImagePath))
                throw new UsageException($"{spec.ImagePath}: image of the plan not found");
            using var stack = ImageInputs.Open(spec.ImagePath);
            CheckImage(spec, stack);
            if (stack.Shape != spec.ShapeVoxels || stack.Channels != spec.ChannelCount)
                throw new UsageException($"{spec.ImagePath}: the image is {stack.Shape} with {stack.Channels} channel(s), the plan says {spec.ShapeVoxels} with {spec.ChannelCount}");
            var sw = System.Diagnostics.Stopwatch.StartNew();
            BlockWork.RunBlocks(stack, spec, todo, nThreads, r =>
            {
                BlockResultFile.Write(dir, hash, r);
                stdout.WriteLine($"block {r.Index}: {r.Blobs.Length} blob(s), {sw.Elapsed.TotalSeconds:0.00} s");
            });
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The block indices a command line selects (ascending).</summary>
    public static int[] Select(int? blockIndex, string? shard, string? blocks, int? tasks, int? indexBase, int count, Func<string, string?> environment)
    {
        int given = (blockIndex is null ? 0 : 1) + (shard is null ? 0 : 1) + (blocks is null ? 0 : 1);
        if (given > 1) throw new UsageException("give only one of --block-index, --shard and --blocks");
        if (given == 1 && tasks is not null) throw new UsageException("--tasks: only with the index from the scheduler's environment (not with --block-index, --shard or --blocks)");
        if (indexBase is { } ib && ib is not (0 or 1)) throw new UsageException($"--index-base: must be 0 or 1, got {ib}");
        if (blockIndex is { } bi)
            return bi >= 0 && bi < count ? [bi] : throw new UsageException($"--block-index: must be in [0, {count}), got {bi}");
        if (shard is not null) return Shard(shard, count);
        if (blocks is not null)
        {
            try { return IndexRanges.Parse(blocks, count); }
            catch (FormatException e) { throw new UsageException("--blocks: " + e.Message); }
        }
        int index = ArrayTaskIndex.Read(environment, indexBase);
        if (tasks is { } t)
        {
            if (t < 1 || t > count) throw new UsageException($"--tasks: must be in [1, {count}] (the block count), got {t}");
            if (index >= t) throw new UsageException($"array task {index} is outside --tasks {t}");
            return Range(Shards.Of(index, t, count));
        }
        return index < count ? [index] : throw new UsageException($"array task index {index} is not a block (the plan has {count})");
    }

    private static int[] Shard(string text, int count)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int t) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int total) || total < 1 || t >= total)
            throw new UsageException($"--shard: expected t/T with 0 <= t < T, got '{text}'");
        if (total > count) throw new UsageException($"--shard: T must be at most the block count {count}, got {total}");
        return Range(Shards.Of(t, total, count));
    }

    private static int[] Range(Range r) => Enumerable.Range(r.Start.Value, r.End.Value - r.Start.Value).ToArray();

    private static void CheckImage(PlanSpec spec, ImageStack stack)
    {
        string modified = stack.ModifiedUtc.ToString("o", CultureInfo.InvariantCulture);
        if (stack.Bytes != spec.ImageBytes || modified != spec.ImageModifiedUtc)
            throw new UsageException($"{spec.ImagePath}: the image changed since the plan was made ({stack.Bytes} bytes, modified {modified}; the plan has {spec.ImageBytes} bytes, {spec.ImageModifiedUtc}); make a new plan");
    }
}
