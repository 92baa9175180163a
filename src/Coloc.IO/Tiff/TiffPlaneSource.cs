namespace Coloc.IO.Tiff;

/// <summary>Fills <paramref name="destination"/> (<c>Y·X</c> values, row-major) with plane z of channel c of frame t.</summary>
/// <typeparam name="T">Pixel type.</typeparam>
public delegate void TiffPlaneSource<T>(int channel, int z, int frame, Span<T> destination) where T : unmanaged;
