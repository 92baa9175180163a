using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Imaging;

namespace Coloc.Core.Pipeline;

/// <summary>
/// Processes one block of a <see cref="BlockGrid"/>: detection on the block's region (core + halo), then the
/// neighbourhood means of the blobs the core owns.
/// </summary>
/// <remarks>
/// With a halo of at least <see cref="RequiredHalo"/> per axis, every blob within
/// <see cref="NeighbourhoodMeans.InteractionVoxels"/> of the core lies at least the detector's context radius inside
/// the region, so it is found exactly as whole-image detection finds it; the owned blobs and their means are
/// therefore exactly the whole-image ones, whatever the block size.
/// </remarks>
public static class BlockRunner
{
    /// <summary>The smallest halo for exact block results: the detector's context radius plus 4 voxels per axis.</summary>
    public static ZyxInt RequiredHalo(ZyxInt detectorContextVoxels) =>
        ZyxInt.FromAxes(a => detectorContextVoxels[a] + NeighbourhoodMeans.InteractionVoxels);

    /// <summary>Processes block <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentException">The grid does not fit the image, or its halo is below <see cref="RequiredHalo"/> on an axis with more than one block.</exception>
    public static BlockResult Run<T>(
        MultiChannelVolume<T> image, BlockGrid grid, int index, IBlobDetector<T> detector, CancellationToken cancellationToken = default)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(detector);
        CheckGrid(image.Shape, grid, detector.ContextVoxels);
        var core = grid.Core(index);
        var region = grid.Region(index);
        var sub = RegionCopy.IsWhole(region, image.Shape) ? image : RegionCopy.Copy(image, region);
        cancellationToken.ThrowIfCancellationRequested();
        var found = detector.Detect(sub, cancellationToken);

        var zone = grid.Grow(core, ZyxInt.FromAxes(_ => NeighbourhoodMeans.InteractionVoxels)).Box;
        var off = region.Offset.ToZyx();
        var near = new List<Blob>(found.Length);
        foreach (var b in found)
        {
            if (!(b.Z >= 0 && b.Y >= 0 && b.X >= 0 && b.Z < region.Shape.Z && b.Y < region.Shape.Y && b.X < region.Shape.X))
                throw new InvalidOperationException($"the detector returned a blob at {b.Center} outside its image of shape {region.Shape}");
            var abs = b with { Z = b.Z + off.Z, Y = b.Y + off.Y, X = b.X + off.X };
            if (zone.Contains(abs.Center)) near.Add(abs);
        }
        near.Sort(BlobOrder.Comparer);

        var owned = new List<int>();
        for (int i = 0; i < near.Count; i++)
            if (grid.OwnerOf(near[i].Center) == index) owned.Add(i);
        var relative = near.Select(b => b with { Z = b.Z - off.Z, Y = b.Y - off.Y, X = b.X - off.X }).ToArray();
        var means = NeighbourhoodMeans.Compute(sub, relative, owned);
        return new BlockResult(index, image.Channels.Count, owned.Select(i => near[i]).ToArray(), means);
    }

    /// <summary>Checks that <paramref name="grid"/> fits an image of <paramref name="shape"/> and has a wide enough halo.</summary>
    /// <exception cref="ArgumentException">It does not.</exception>
    public static void CheckGrid(ZyxInt shape, BlockGrid grid, ZyxInt detectorContextVoxels)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.ShapeVoxels != shape)
            throw new ArgumentException($"the block grid is for an image of shape {grid.ShapeVoxels}, the image has {shape}");
        var need = RequiredHalo(detectorContextVoxels);
        for (int a = 0; a < 3; a++)
            if (grid.Counts[a] > 1 && grid.HaloVoxels[a] < need[a])
                throw new ArgumentException($"halo {grid.HaloVoxels} is too small: exact block results need at least {need} (detector context + {NeighbourhoodMeans.InteractionVoxels})");
    }
}
