using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Image;

/// <summary>
/// An image the block pipeline reads box by box (all channels at once), so a block costs only the voxels of its box,
/// whether the image is in memory or in a file larger than memory.
/// </summary>
/// <typeparam name="T">Pixel type.</typeparam>
public sealed class RegionReader<T> where T : unmanaged
{
    private readonly Func<Block, int, IVolume<T>> _read;

    /// <summary>Creates a reader.</summary>
    /// <param name="shapeVoxels">Image shape z,y,x, voxels.</param>
    /// <param name="channelCount">Number of channels (≥ 1).</param>
    /// <param name="resolutionUm">Voxel size z,y,x, µm.</param>
    /// <param name="read">Returns the voxels of a box (inside the image) of one channel as a volume of the box's shape.</param>
    public RegionReader(ZyxInt shapeVoxels, int channelCount, Zyx resolutionUm, Func<Block, int, IVolume<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (channelCount < 1) throw new ArgumentOutOfRangeException(nameof(channelCount), channelCount, "need at least one channel");
        ShapeVoxels = shapeVoxels;
        ChannelCount = channelCount;
        ResolutionUm = resolutionUm;
        _read = read;
    }

    /// <summary>A reader over an image held in memory (or read plane by plane): boxes are copied out of it.</summary>
    public static RegionReader<T> Of(MultiChannelVolume<T> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new RegionReader<T>(image.Shape, image.Channels.Count, image.ResolutionUm, (b, c) => RegionCopy.Copy(image.Channels[c], b));
    }

    /// <summary>Image shape z,y,x, voxels.</summary>
    public ZyxInt ShapeVoxels { get; }

    /// <summary>Number of channels.</summary>
    public int ChannelCount { get; }

    /// <summary>Voxel size z,y,x, µm.</summary>
    public Zyx ResolutionUm { get; }

    /// <summary>The voxels of <paramref name="box"/> (inside the image), every channel, with the image's resolution.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The box is not inside the image.</exception>
    public MultiChannelVolume<T> Read(Block box) =>
        new(Enumerable.Range(0, ChannelCount).Select(c => ReadChannel(box, c)).ToArray(), ResolutionUm);

    /// <summary>The voxels of <paramref name="box"/> (inside the image) of channel <paramref name="channel"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The box is not inside the image, or the channel does not exist.</exception>
    public IVolume<T> ReadChannel(Block box, int channel)
    {
        for (int a = 0; a < 3; a++)
            if (box.Offset[a] < 0 || box.Shape[a] < 1 || box.Offset[a] + (long)box.Shape[a] > ShapeVoxels[a])
                throw new ArgumentOutOfRangeException(nameof(box), box, $"box must lie inside the image of shape {ShapeVoxels}");
        if ((uint)channel >= (uint)ChannelCount) throw new ArgumentOutOfRangeException(nameof(channel), channel, $"channel must be in [0, {ChannelCount})");
        var v = _read(box, channel);
        if (v.Shape != box.Shape)
            throw new InvalidOperationException($"the region reader returned {v.Shape} for a box of {box.Shape}");
        return v;
    }
}
