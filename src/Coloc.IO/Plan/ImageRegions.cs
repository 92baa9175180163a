using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Pipeline;
using Coloc.IO.Images;

namespace Coloc.IO.Plan;

/// <summary>A <see cref="RegionReader{T}"/> over an image: each box is read with <see cref="ImageStack.ReadBlock{T}"/>, reading only the data it touches.</summary>
public static class ImageRegions
{
    /// <summary>The reader; <typeparamref name="T"/> must be the stack's pixel type. </summary>
    /// <param name="stack">The open stack (frame 0 is used).</param>
    /// <param name="resolutionUm">Voxel size to report, µm (the file's or an override).</param>
    public static RegionReader<T> Reader<T>(ImageStack stack, Zyx resolutionUm) where T : unmanaged
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
