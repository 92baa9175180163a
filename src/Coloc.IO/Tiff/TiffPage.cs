namespace Coloc.IO.Tiff;

/// <summary>Where one page (IFD) is and how its pixels are laid out.</summary>
/// <param name="DirectoryOffset">File offset of the IFD, bytes.</param>
/// <param name="Tiled">True for tiles, false for strips.</param>
/// <param name="BlockWidth">Tile width in pixels; for strips the image width.</param>
/// <param name="BlockHeight">Tile height, or rows per strip (clipped to the image height), pixels.</param>
/// <param name="RawStripOffsets">For uncompressed strips: file offset of each strip (read directly, without LibTiff.NET); otherwise null.</param>
internal readonly record struct TiffPage(long DirectoryOffset, bool Tiled, int BlockWidth, int BlockHeight, long[]? RawStripOffsets);
