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
}
