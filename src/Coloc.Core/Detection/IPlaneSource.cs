namespace Coloc.Core.Detection;

/// <summary>A 3D image in detection space that can hand out windows of planes as <c>img_as_float</c> doubles.</summary>
internal interface IPlaneSource
{
    /// <summary>Shape z,y,x of the detection space, voxels.</summary>
    Geometry.ZyxInt Shape { get; }

    /// <summary>
    /// Writes plane <paramref name="z"/>, rows <c>[y0, y0+ny)</c>, columns <c>[x0, x0+nx)</c> into
    /// <paramref name="dst"/>, row y at <c>y·dstStride</c>.
    /// </summary>
    void ReadWindow(int z, int y0, int ny, int x0, int nx, Span<double> dst, int dstStride);

    /// <summary>
    /// Non-null when every value <see cref="ReadWindow"/> gives is exactly <c>(double)f · SingleScale</c> for the float
    /// f that <see cref="ReadWindowSingle"/> gives (8- and 16-bit integers, float32): the exact filter then keeps its
    /// input planes in half the memory and converts on the fly, bit for bit.
    /// </summary>
    double? SingleScale { get; }

    /// <summary>As <see cref="ReadWindow"/>, as floats before the scaling by <see cref="SingleScale"/> (only when that is non-null).</summary>
    void ReadWindowSingle(int z, int y0, int ny, int x0, int nx, Span<float> dst, int dstStride);
}
