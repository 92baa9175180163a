using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Detection;
using Coloc.Core.Image;
using Coloc.Core.Intensity;

namespace Coloc.Core.Pipeline;

/// <summary>
/// Processes one block of a <see cref="BlockGrid"/>: the whole-image blobs within
/// <see cref="NeighbourhoodMeans.InteractionVoxels"/> of the block's core (from the detector), then the neighbourhood
/// means of the blobs the core owns, from the pixels within <see cref="NeighbourhoodMeans.BallRadiusVoxels"/> of the
/// core. Every input is the whole-image one, so the owned blobs and their means are exactly the whole-image ones,
/// whatever the block size.
/// </summary>
public static class BlockRunner
{
    /// <summary>Processes block <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentException">The grid does not fit the image.</exception>
    /// <exception cref="InvalidOperationException">The detector returned a blob outside the box it was asked for.</exception>
    public static BlockResult Run<T>(
        RegionReader<T> image, BlockGrid grid, int index, IBlobDetector<T> detector, CancellationToken cancellationToken = default)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(detector);
        CheckGrid(image.ShapeVoxels, grid);
        var core = grid.Core(index);
        var zone = grid.Grow(core, ZyxInt.FromAxes(_ => NeighbourhoodMeans.InteractionVoxels));
        var near = detector.DetectIn(image, zone, cancellationToken);
        foreach (var b in near)
            if (!zone.Box.Contains(b.Center))
                throw new InvalidOperationException($"the detector returned a blob at {b.Center} outside the box {zone.Box} it was asked for");
        Array.Sort(near, BlobOrder.Comparer);

        var owned = new List<int>();
        for (int i = 0; i < near.Length; i++)
            if (grid.OwnerOf(near[i].Center) == index) owned.Add(i);
        cancellationToken.ThrowIfCancellationRequested();
        var pixels = grid.Grow(core, ZyxInt.FromAxes(_ => NeighbourhoodMeans.BallRadiusVoxels));
        var means = NeighbourhoodMeans.Compute(image.Read(pixels), near, owned, pixels.Offset);
        return new BlockResult(index, image.ChannelCount, owned.Select(i => near[i]).ToArray(), means);
    }

    /// <summary>Checks that <paramref name="grid"/> fits an image of <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">It does not.</exception>
    public static void CheckGrid(ZyxInt shape, BlockGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.ShapeVoxels != shape)
            throw new ArgumentException($"the block grid is for an image of shape {grid.ShapeVoxels}, the image has {shape}");
    }
}
