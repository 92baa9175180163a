using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Pipeline;
using Coloc.IO.Tiff;

namespace Coloc.IO.Plan;

/// <summary>A <see cref="RegionReader{T}"/> over a TIFF stack: each box is read with <see cref="TiffStack.ReadBlock{T}"/>, decoding only the strips or tiles it touches.</summary>
public static class TiffRegions
{
    /// <summary>The reader; <typeparamref name="T"/> must be the stack's pixel type. Not thread-safe (one file handle).</summary>
    /// <param name="stack">The open stack (frame 0 is used).</param>
    /// <param name="resolutionUm">Voxel size to report, µm (the file's or an override).</param>
    public static RegionReader<T> Reader<T>(TiffStack stack, Zyx resolutionUm) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stack);
        return new RegionReader<T>(stack.Shape, stack.Channels, resolutionUm, (box, c) =>
        {
            var v = ArrayVolume<T>.Zeros(box.Shape);
            stack.ReadBlock(c, box.Offset, box.Shape, v.Data.AsSpan());
            return v;
        });
    }
}
