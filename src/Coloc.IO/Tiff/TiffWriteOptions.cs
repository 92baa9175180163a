using Coloc.Core.Geometry;

namespace Coloc.IO.Tiff;

/// <summary>How <see cref="TiffStackWriter"/> lays out a file. Defaults give what ImageJ writes: an uncompressed classic TIFF, one strip per page.</summary>
public sealed record TiffWriteOptions
{
    /// <summary>Page compression (default <see cref="TiffCompression.None"/>).</summary>
    public TiffCompression Compression { get; init; } = TiffCompression.None;

    /// <summary>Write BigTIFF (64-bit offsets; needed above 4 GB). Default false (classic TIFF).</summary>
    public bool BigTiff { get; init; }

    /// <summary>Tile width and height in pixels (a multiple of 16), or 0 (default) for strips.</summary>
    public int TileSize { get; init; }

    /// <summary>Rows per strip when not tiled; 0 (default) = the whole plane in one strip.</summary>
    public int RowsPerStrip { get; init; }

    /// <summary>
    /// Voxel size z,y,x in µm, written as ImageJ <c>spacing</c> (exact decimal), <c>unit=micron</c> and X/YResolution =
    /// 1/size pixels per µm (LibTiff.NET stores these rationals from a float: about 7 significant digits). Default (1, 1, 1).
    /// </summary>
    public Zyx ResolutionUm { get; init; } = Zyx.All(1);
}
