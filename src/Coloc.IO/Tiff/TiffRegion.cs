namespace Coloc.IO.Tiff;

/// <summary>A rectangle y,x of one page, in pixels: rows [Y, Y+Height), columns [X, X+Width).</summary>
internal readonly record struct TiffRegion(int Y, int X, int Height, int Width)
{
    internal long Pixels => (long)Height * Width;
}
