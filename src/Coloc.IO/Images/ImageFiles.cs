using Coloc.IO.Tiff;

namespace Coloc.IO.Images;

/// <summary>Opens any image input of this library: a folder of TIFF planes (see <see cref="PlaneFiles"/>) or a TIFF file.</summary>
public static class ImageFiles
{
    /// <summary>
    /// Opens <paramref name="path"/>: a folder, glob or <c>{c}</c> pattern as a <see cref="PlaneFolderStack"/>, any
    /// other path as a <see cref="TiffStack"/> (ImageJ hyperstack, OME-TIFF or multi-page TIFF).
    /// </summary>
    /// <param name="path">The image.</param>
    /// <param name="warn">Receives reader warnings, one line each naming the file (default: dropped).</param>
    /// <param name="maxExpansion">Largest ratio of the pixel bytes a header claims to the file size (<c>--max-expansion</c>).</param>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static ImageStack Open(string path, Action<string>? warn = null, int maxExpansion = 2048)
    {
        ArgumentNullException.ThrowIfNull(path);
        return PlaneFiles.IsPlanes(path) ? PlaneFolderStack.Open(path, warn, maxExpansion) : TiffStack.Open(path, warn, maxExpansion);
    }
}
