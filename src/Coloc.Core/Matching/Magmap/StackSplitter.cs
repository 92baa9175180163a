using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// MagellanMapper's block grid (<c>chunking.stack_splitter</c>): block (i,j,k) starts at <c>index × maxPixels</c>
/// per axis and ends at <c>start + maxPixels + overlap</c>, cut at the stack end. Blocks are numbered z-major.
/// </summary>
public static class StackSplitter
{
    /// <summary>The largest grid accepted (10⁶ blocks: a terabyte channel in 64×512×512 blocks is about 6·10⁴).</summary>
    public const long MaxBlocks = 1_000_000;

    /// <summary>Splits a stack into blocks.</summary>
    /// <param name="shape">Stack shape z,y,x, voxels (each ≥ 0).</param>
    /// <param name="maxPixels">Block step z,y,x, voxels (each ≥ 1).</param>
    /// <param name="overlap">Extra extent of each block into its successor, z,y,x, voxels (each ≥ 0).</param>
    /// <returns>The blocks in z, then y, then x loop order.</returns>
    public static Block[] Split(ZyxInt shape, ZyxInt maxPixels, ZyxInt overlap)
    {
        for (int a = 0; a < 3; a++)
        {
            if (shape[a] < 0) throw new ArgumentOutOfRangeException(nameof(shape), shape, "shape must be >= 0");
            if (maxPixels[a] < 1) throw new ArgumentOutOfRangeException(nameof(maxPixels), maxPixels, "block size must be >= 1");
            if (overlap[a] < 0) throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "overlap must be >= 0");
        }
        var n = ZyxInt.FromAxes(a => (int)((shape[a] + (long)maxPixels[a] - 1) / maxPixels[a]));
        long count = (long)n.Z * n.Y * n.X;
        if (count > MaxBlocks)
            throw new ArgumentException(
                $"shape {shape} in blocks of {maxPixels} voxels gives {count} blocks, more than {MaxBlocks}; " +
                "use larger blocks (e.g. a larger segment_size)");
        var blocks = new Block[count];
        int k = 0;
        for (int z = 0; z < n.Z; z++)
            for (int y = 0; y < n.Y; y++)
                for (int x = 0; x < n.X; x++)
                {
                    var coord = new ZyxInt(z, y, x);
                    var start = ZyxInt.FromAxes(a => coord[a] * maxPixels[a]);
                    var end = ZyxInt.FromAxes(a => (int)Math.Min((long)start[a] + maxPixels[a] + overlap[a], shape[a]));
                    blocks[k] = new Block(k, coord, start, ZyxInt.FromAxes(a => end[a] - start[a]));
                    k++;
                }
        return blocks;
    }
}
