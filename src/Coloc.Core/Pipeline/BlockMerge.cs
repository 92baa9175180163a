using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Pipeline;

/// <summary>
/// Joins block results into the whole-image blob list: every block once (a repeated block must be identical), every
/// blob owned by the block that reports it, then all blobs in canonical order (<see cref="BlobOrder"/>) with their
/// means. The result depends only on the set of owned blobs, not on the order the results arrive in.
/// </summary>
public static class BlockMerge
{
    /// <summary>Merges the results of every block of <paramref name="grid"/>.</summary>
    /// <returns>Blobs in canonical order and their row-major blobs × C means.</returns>
    /// <exception cref="ArgumentException">A block is missing, a repeated block differs, a blob lies outside its block's core, or the channel counts differ.</exception>
    public static (Blob[] Blobs, double[] Means) Merge(IEnumerable<BlockResult> results, BlockGrid grid, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(grid);
        var byIndex = new BlockResult?[grid.Count];
        foreach (var r in results)
        {
            r.Validate();
            if ((uint)r.Index >= (uint)grid.Count) throw new ArgumentException($"block {r.Index} is not in the grid of {grid.Count} blocks");
            if (r.ChannelCount != channelCount) throw new ArgumentException($"block {r.Index} has {r.ChannelCount} channels, expected {channelCount}");
            if (byIndex[r.Index] is { } seen)
            {
                if (!Same(seen, r)) throw new ArgumentException($"block {r.Index} was given twice with different contents");
                continue;
            }
            foreach (var b in r.Blobs)
                if (grid.OwnerOf(b.Center) != r.Index)
                    throw new ArgumentException($"block {r.Index} reports a blob at {b.Center} that its core does not own");
            byIndex[r.Index] = r;
        }
        var missing = Enumerable.Range(0, grid.Count).Where(i => byIndex[i] is null).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"missing block results: {string.Join(", ", missing.Take(20))}{(missing.Length > 20 ? $" and {missing.Length - 20} more" : "")}");

        int n = byIndex.Sum(r => r!.Blobs.Length);
        var blobs = new Blob[n];
        var means = new double[(long)n * channelCount];
        int k = 0;
        foreach (var r in byIndex)
        {
            r!.Blobs.CopyTo(blobs, k);
            r.Means.CopyTo(means, (long)k * channelCount);
            k += r.Blobs.Length;
        }
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (i, j) => BlobOrder.Compare(blobs[i], blobs[j]) is var c && c != 0 ? c : i.CompareTo(j));
        var sortedBlobs = new Blob[n];
        var sortedMeans = new double[means.Length];
        for (int i = 0; i < n; i++)
        {
            sortedBlobs[i] = blobs[order[i]];
            Array.Copy(means, (long)order[i] * channelCount, sortedMeans, (long)i * channelCount, channelCount);
        }
        return (sortedBlobs, sortedMeans);
    }

    private static bool Same(BlockResult a, BlockResult b) =>
        a.ChannelCount == b.ChannelCount && a.Blobs.AsSpan().SequenceEqual(b.Blobs) &&
        a.Means.Length == b.Means.Length && a.Means.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Means.Select(BitConverter.DoubleToInt64Bits));
}
