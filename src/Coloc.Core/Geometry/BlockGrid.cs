using Coloc.Core.Geometry;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Geometry;

/// <summary>
/// A fixed grid of blocks over an image for block-wise runs. The <em>cores</em> tile the image without overlap: core
/// (i,j,k) starts at <c>(i,j,k) × CoreVoxels</c> and is cut at the image end (<see cref="StackSplitter"/> with no
/// overlap). Blocks are numbered z-major (z slowest, x fastest), so the numbering depends only on the shape and the
/// core size.
/// </summary>
/// <remarks>
/// Ownership rule: a point p (voxels) belongs to the one block whose core contains it,
/// <c>core.Offset ≤ p &lt; core.Offset + core.Shape</c> per axis. Because the cores tile the image, every point of
/// the image has exactly one owner, so keeping only owned blobs removes every halo duplicate and the merged set does
/// not depend on the block size.
/// </remarks>
public sealed record BlockGrid
{
    /// <summary>Creates the grid.</summary>
    /// <param name="shapeVoxels">Image shape z,y,x, voxels (each ≥ 1).</param>
    /// <param name="coreVoxels">Core size z,y,x, voxels (each ≥ 1); the last core on an axis may be smaller.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range or the grid has more than <see cref="int.MaxValue"/> blocks.</exception>
    public BlockGrid(ZyxInt shapeVoxels, ZyxInt coreVoxels)
    {
        for (int a = 0; a < 3; a++)
        {
            if (shapeVoxels[a] < 1) throw new ArgumentOutOfRangeException(nameof(shapeVoxels), shapeVoxels, "image shape must be >= 1 on every axis");
            if (coreVoxels[a] < 1) throw new ArgumentOutOfRangeException(nameof(coreVoxels), coreVoxels, "block size must be >= 1 on every axis");
        }
        ShapeVoxels = shapeVoxels;
        CoreVoxels = coreVoxels;
        Counts = ZyxInt.FromAxes(a => (int)((shapeVoxels[a] + (long)coreVoxels[a] - 1) / coreVoxels[a]));
        long n = Counts.Volume;
        if (n > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(coreVoxels), coreVoxels, $"the grid would have {n} blocks; use larger blocks");
        Count = (int)n;
    }

    /// <summary>Image shape z,y,x, voxels.</summary>
    public ZyxInt ShapeVoxels { get; }

    /// <summary>Core size z,y,x, voxels.</summary>
    public ZyxInt CoreVoxels { get; }

    /// <summary>Blocks per axis: <c>ceil(shape / core)</c>.</summary>
    public ZyxInt Counts { get; }

    /// <summary>Number of blocks N; indices are 0..N−1.</summary>
    public int Count { get; }

    /// <summary>The core of block <paramref name="index"/> (its owned part of the image).</summary>
    public Block Core(int index)
    {
        var coord = CoordOf(index);
        var start = ZyxInt.FromAxes(a => coord[a] * CoreVoxels[a]);
        var size = ZyxInt.FromAxes(a => Math.Min(CoreVoxels[a], ShapeVoxels[a] - start[a]));
        return new Block(index, coord, start, size);
    }

    /// <summary><paramref name="block"/> grown by <paramref name="marginVoxels"/> on every side, clipped to the image.</summary>
    public Block Grow(Block block, ZyxInt marginVoxels)
    {
        var start = ZyxInt.FromAxes(a => Math.Max(0, block.Offset[a] - marginVoxels[a]));
        var end = ZyxInt.FromAxes(a => (int)Math.Min(ShapeVoxels[a], (long)block.Offset[a] + block.Shape[a] + marginVoxels[a]));
        return new Block(block.Index, block.Coord, start, ZyxInt.FromAxes(a => end[a] - start[a]));
    }

    /// <summary>The grid coordinate z,y,x of block <paramref name="index"/>.</summary>
    public ZyxInt CoordOf(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"block index must be in [0, {Count})");
        int x = index % Counts.X;
        int rest = index / Counts.X;
        return new ZyxInt(rest / Counts.Y, rest % Counts.Y, x);
    }

    /// <summary>
    /// The block whose core contains <paramref name="pointVoxels"/> (the ownership rule), or −1 when the point lies
    /// outside the image. Exact for any double: the axis index k satisfies <c>k·core ≤ p &lt; (k+1)·core</c>.
    /// </summary>
    public int OwnerOf(Zyx pointVoxels)
    {
        int index = 0;
        for (int a = 0; a < 3; a++)
        {
            double p = pointVoxels[a];
            if (!(p >= 0 && p < ShapeVoxels[a])) return -1;
            int c = CoreVoxels[a];
            int k = (int)Math.Floor(p / c);
            if ((double)k * c > p) k--;
            else if ((double)(k + 1) * c <= p) k++;
            index = index * Counts[a] + k;
        }
        return index;
    }
}
