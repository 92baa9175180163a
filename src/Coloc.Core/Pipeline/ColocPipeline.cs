using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Intensity;

namespace Coloc.Core.Pipeline;

/// <summary>
/// Detect → match → intensity over a whole image, block by block. <see cref="Run{T}"/> does it in one process;
/// block-parallel runs across machines call <see cref="BlockRunner.Run{T}"/> per block and then
/// <see cref="Finish"/> on the merged results, which gives the same result because both paths end in
/// <see cref="Finish"/> with the same canonical blob list.
/// </summary>
public static class ColocPipeline
{
    /// <summary>Runs every block of <paramref name="grid"/> in index order (detection itself is parallel), merges and finishes.</summary>
    /// <param name="image">The image.</param>
    /// <param name="grid">Block grid over the image; bounds memory, never changes the result.</param>
    /// <param name="detector">The blob detector.</param>
    /// <param name="match">Whole-stack match request (<c>ShapeVoxels</c> = the image shape).</param>
    /// <param name="blockDone">Called after each block with the number of blocks done (progress display).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static PipelineResult Run<T>(
        RegionReader<T> image, BlockGrid grid, IBlobDetector<T> detector, MatchRequest match,
        Action<int>? blockDone = null, CancellationToken cancellationToken = default)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(detector);
        BlockRunner.CheckGrid(image.ShapeVoxels, grid);
        var results = new BlockResult[grid.Count];
        for (int i = 0; i < grid.Count; i++)
        {
            results[i] = BlockRunner.Run(image, grid, i, detector, cancellationToken);
            blockDone?.Invoke(i + 1);
        }
        var (blobs, means) = BlockMerge.Merge(results, grid, image.ChannelCount);
        return Finish(blobs, means, image.ChannelCount, match, cancellationToken);
    }

    /// <summary>
    /// Intensity flags from the merged means (threshold "min" over the whole image) and exact matching over all blobs.
    /// </summary>
    /// <param name="blobs">All blobs in canonical order.</param>
    /// <param name="means">Their row-major blobs × <paramref name="channelCount"/> neighbourhood means.</param>
    /// <param name="channelCount">Image channels C.</param>
    /// <param name="match">Whole-stack match request.</param>
    /// <param name="cancellationToken">Cancels matching.</param>
    /// <exception cref="ArgumentException">The request is not a whole-stack one, or the blobs are not in canonical order.</exception>
    public static PipelineResult Finish(Blob[] blobs, double[] means, int channelCount, MatchRequest match, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(match);
        if (match.ShapeVoxels is null) throw new ArgumentException("the pipeline matches over the whole stack: the request needs ShapeVoxels");
        for (int i = 1; i < blobs.Length; i++)
            if (BlobOrder.Compare(blobs[i - 1], blobs[i]) > 0) throw new ArgumentException($"blobs are not in canonical order at row {i}");
        var flags = IntensityFlags.Of(blobs, means, channelCount);
        var matches = MatchEngine.Run(blobs, match, cancellationToken);
        var summary = Matching.MatchSummary.Of(match.Mode.ToString().ToLowerInvariant(), matches, blobs);
        return new PipelineResult(blobs, flags, matches, summary);
    }
}
