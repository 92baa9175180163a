using Coloc.IO;
using Coloc.IO.Images;

namespace Coloc.Cli;

/// <summary>
/// Opens every <c>--image</c> of the CLI: TIFF, OME-TIFF and plane folders (<see cref="ImageFiles"/>), and Imaris
/// <c>.ims</c> / BigDataViewer <c>.h5</c>/<c>.xml</c> through src/Coloc.IO.Hdf5 (PureHDF) in the .NET <c>coloc</c>. The
/// NativeAOT <c>coloc</c> (src/build/cli-aot, built without <c>COLOC_HDF5</c>) refuses HDF5 files in one line.
/// </summary>
internal static class ImageInputs
{
    /// <summary>Opens <paramref name="path"/>.</summary>
    /// <param name="path">The image: file, folder or plane pattern.</param>
    /// <param name="warn">Receives reader warnings (default: dropped).</param>
    /// <param name="maxExpansion">Largest ratio of the pixel bytes a header claims to the file size (<c>--max-expansion</c>).</param>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static ImageStack Open(string path, Action<string>? warn = null, int maxExpansion = 2048)
    {
#if COLOC_HDF5
        return Coloc.IO.Hdf5.Hdf5Images.Open(path, warn, maxExpansion);
#else
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".ims" or ".h5" or ".hdf5")
            throw new ColocFormatException($"{path}: HDF5 images (Imaris, BigDataViewer) are read by the .NET coloc (dotnet coloc.dll), not this native build");
        return ImageFiles.Open(path, warn, maxExpansion);
#endif
    }
}
