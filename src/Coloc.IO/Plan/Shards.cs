namespace Coloc.IO.Plan;

/// <summary>
/// Splits blocks 0..N−1 into T shards for T array tasks. Shard t holds the contiguous index range
/// <c>[⌊t·N/T⌋, ⌊(t+1)·N/T⌋)</c>, so the shards are disjoint, cover every block, differ in size by at most one, and
/// a task works on neighbouring blocks (z-major numbering), which read mostly the same image planes.
/// </summary>
public static class Shards
{
    /// <summary>The blocks of shard <paramref name="shard"/> of <paramref name="shardCount"/> over <paramref name="blockCount"/> blocks.</summary>
    /// <exception cref="ArgumentOutOfRangeException">T &lt; 1, t outside [0, T) or N &lt; 0.</exception>
    public static Range Of(int shard, int shardCount, int blockCount)
    {
        if (shardCount < 1) throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, "shard count must be >= 1");
        if ((uint)shard >= (uint)shardCount) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"shard must be in [0, {shardCount})");
        if (blockCount < 0) throw new ArgumentOutOfRangeException(nameof(blockCount), blockCount, "block count must be >= 0");
        return new Range(Start(shard, shardCount, blockCount), Start(shard + 1, shardCount, blockCount));
    }

    /// <summary>The shard holding block <paramref name="block"/> (inverse of <see cref="Of"/>).</summary>
    public static int ShardOf(int block, int shardCount, int blockCount)
    {
        if ((uint)block >= (uint)blockCount) throw new ArgumentOutOfRangeException(nameof(block), block, $"block must be in [0, {blockCount})");
        if (shardCount < 1) throw new ArgumentOutOfRangeException(nameof(shardCount), shardCount, "shard count must be >= 1");
        // Largest t with floor(t·N/T) <= block.
        int t = (int)(((long)block * shardCount + shardCount - 1) / blockCount);
        while (t > 0 && Start(t, shardCount, blockCount) > block) t--;
        while (t + 1 < shardCount && Start(t + 1, shardCount, blockCount) <= block) t++;
        return t;
    }

    /// <summary>
    /// The task count suggested for <paramref name="blockCount"/> blocks of about <paramref name="secondsPerBlock"/> s
    /// each: tasks of at least <paramref name="minTaskSeconds"/> s (default 600 = 10 min, so scheduler latency stays
    /// small beside the work) and at most <paramref name="maxTasks"/> tasks (default 1000, under SLURM's default
    /// <c>MaxArraySize=1001</c>): <c>clamp(⌊N·s / minTaskSeconds⌋, 1, min(N, maxTasks))</c>.
    /// </summary>
    public static int SuggestedTasks(int blockCount, double secondsPerBlock, double minTaskSeconds = 600, int maxTasks = 1000)
    {
        if (blockCount < 1) return 1;
        double tasks = Math.Floor(blockCount * Math.Max(0, secondsPerBlock) / minTaskSeconds);
        return (int)Math.Clamp(tasks, 1, Math.Min(blockCount, maxTasks));
    }

    private static int Start(int t, int shardCount, int blockCount) => (int)((long)t * blockCount / shardCount);
}
