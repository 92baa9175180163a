namespace Coloc.Core.Image;

/// <summary>
/// A volume that reads a window of one plane without the rest of it: an image on disk whose blocks of detection touch
/// only the window's rows and columns (a folder of 2-D planes cut into y,x blocks otherwise reads every plane whole
/// once per block). Detection reads through <see cref="ReadWindow"/> when a volume offers it.
/// </summary>
/// <typeparam name="T">Pixel type, as <see cref="IVolume{T}"/>.</typeparam>
public interface IWindowVolume<T> : IVolume<T> where T : unmanaged
{
    /// <summary>
    /// Reads rows <paramref name="y0"/> … <paramref name="y0"/>+<paramref name="ny"/>−1 and columns
    /// <paramref name="x0"/> … <paramref name="x0"/>+<paramref name="nx"/>−1 of plane <paramref name="z"/> into
    /// <paramref name="destination"/> (<c>ny · nx</c> values, row-major): the same values as those of
    /// <see cref="IVolume{T}.Plane"/>. The window lies inside the volume.
    /// </summary>
    void ReadWindow(int z, int y0, int ny, int x0, int nx, Span<T> destination);
}
