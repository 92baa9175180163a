using Coloc.IO;
using Coloc.IO.Images;
#if !COLOC_NO_HDF5
using Coloc.IO.Hdf5;
#endif

namespace Coloc.Cli;

/// <summary>
/// Opens every <c>--image</c>: TIFF, OME-TIFF and plane folders (<see cref="ImageFiles"/>), Imaris <c>.ims</c> and
/// BigDataViewer <c>.h5</c>/<c>.xml</c> (Coloc.IO.Hdf5). The NativeAOT <c>coloc</c> is built without Coloc.IO.Hdf5
/// (PureHDF is not AOT-safe, symbol COLOC_NO_HDF5) and refuses HDF5 inputs in one line.
/// </summary>
public static class ImageInputs
{
    /// <summary>Opens <paramref name="path"/> with the reader it calls for.</summary>
    /// <param name="path">File, folder or plane pattern.</param>
    /// <param name="warn">Receives reader warnings (default: dropped).</param>
    /// <param name="maxExpansion">Largest ratio of the pixel bytes a header claims to the file size (<c>--max-expansion</c>).</param>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static ImageStack Open(string path, Action<string>? warn = null, int maxExpansion = 2048)
    {
#if COLOC_NO_HDF5
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".ims" or ".h5" or ".hdf5" or ".xml")
            throw new ColocFormatException($"{path}: Imaris and BigDataViewer HDF5 images are read by the JIT coloc (dotnet coloc.dll), not by this NativeAOT build");
        return ImageFiles.Open(path, warn, maxExpansion);
#else
        return Hdf5Images.Open(path, warn, maxExpansion);
#endif
    }
}
