using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Image;

/// <summary>Copies a box of a volume into memory, plane by plane (memory: the box only, plus one plane in flight).</summary>
public static class RegionCopy
{
    /// <summary>The values of <paramref name="volume"/> inside <paramref name="region"/> as a new in-memory volume.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The region is not inside the volume.</exception>
    public static ArrayVolume<T> Copy<T>(IVolume<T> volume, Block region) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(volume);
        var s = volume.Shape;
        for (int a = 0; a < 3; a++)
            if (region.Offset[a] < 0 || region.Shape[a] < 0 || region.Offset[a] + (long)region.Shape[a] > s[a])
                throw new ArgumentOutOfRangeException(nameof(region), region, $"region must lie inside the volume of shape {s}");
        var dst = ArrayVolume<T>.Zeros(region.Shape);
        int rowLen = region.Shape.X;
        for (int z = 0; z < region.Shape.Z; z++)
        {
            var plane = volume.Plane(region.Offset.Z + z);
            for (int y = 0; y < region.Shape.Y; y++)
            {
                var src = plane.Slice((region.Offset.Y + y) * s.X + region.Offset.X, rowLen);
                src.CopyTo(dst.Data.AsSpan((int)(((long)z * region.Shape.Y + y) * rowLen), rowLen));
            }
        }
        return dst;
    }

    /// <summary>Copies every channel of <paramref name="image"/> inside <paramref name="region"/>.</summary>
    public static MultiChannelVolume<T> Copy<T>(MultiChannelVolume<T> image, Block region) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(image);
        var channels = image.Channels.Select(c => (IVolume<T>)Copy(c, region)).ToArray();
        return new MultiChannelVolume<T>(channels, image.ResolutionUm);
    }

    /// <summary>True when <paramref name="region"/> covers the whole of a volume of shape <paramref name="shape"/>.</summary>
    public static bool IsWhole(Block region, ZyxInt shape) => region.Offset == default && region.Shape == shape;
}
