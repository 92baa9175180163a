using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// Whole-stack match colocalization exactly as MagellanMapper's <c>StackColocalizer.colocalize_stack</c> (fork path,
/// the path MagellanMapper takes on Linux; README, Differences from MagellanMapper, D9): blocks from the ROI profile,
/// <see cref="MagmapRoiColocalizer"/>'s two-pass matching in each block with the default inner padding, blocks merged
/// in z-major order and duplicates pruned (README, Differences from MagellanMapper, D6). Blocks run in parallel; the
/// output does not depend on the thread count.
/// </summary>
public static class MagmapStackColocalizer
{
    /// <summary>Colocalizes every channel pair over the stack.</summary>
    /// <param name="blobs">All blobs, coordinates in voxels relative to the stack origin.</param>
    /// <param name="shape">Stack shape z,y,x, voxels.</param>
    /// <param name="options">Profile, resolution, channels, threads.</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    public static MatchSet ColocalizeStack(
        Blob[] blobs, ZyxInt shape, StackMatchOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        var geometry = new MagmapBlockGeometry(options.Profile, options.ResolutionUm, options.CorrectedOverlap);
        var tol = new MatchTolerance(geometry.MatchTolVoxels);
        var blocks = geometry.Blocks(shape);
        var channels = ChannelSelection.Of(blobs, options.Channels);
        var pairs = ChannelPair.AllOf(channels).ToArray();
        var slot = channels.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var members = new BlockMembership(blobs, blocks, channels, geometry);
        var coords = new ScaledCoords(blobs, tol);

        var perBlock = new MatchRow[blocks.Length][][];
        var po = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.Threads),
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, blocks.Length, po, b =>
        {
            var inner = InnerRegion.Of(blocks[b].Box, tol.DefaultInnerPaddingVoxels);
            var rows = new MatchRow[pairs.Length][];
            for (int p = 0; p < pairs.Length; p++)
            {
                var baseIdx = members.Of(b, slot[pairs[p].A]);
                var testIdx = members.Of(b, slot[pairs[p].B]);
                rows[p] = MagmapPairMatcher.Match(
                    blobs, coords, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(baseIdx),
                    System.Runtime.InteropServices.CollectionsMarshal.AsSpan(testIdx), inner, tol);
            }
            perBlock[b] = rows;
        });

        var result = new MatchSet();
        for (int p = 0; p < pairs.Length; p++)
        {
            var all = new List<MatchRow>();
            for (int b = 0; b < blocks.Length; b++) all.AddRange(perBlock[b][p]);
            result.Add(pairs[p], new BlobMatch(DuplicatePruner.Prune(all.ToArray())));
        }
        return result;
    }

    /// <summary>
    /// The matches of one block before merging (MagellanMapper's <c>colocalize_block</c>): every pair, rows in the
    /// block's own order.
    /// </summary>
    public static MatchSet ColocalizeBlock(Blob[] blobs, Block block, StackMatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        var geometry = new MagmapBlockGeometry(options.Profile, options.ResolutionUm, options.CorrectedOverlap);
        return MagmapRoiColocalizer.Colocalize(blobs, block.Box, geometry.MatchTolVoxels, null, options.Channels);
    }
}
