using Coloc.IO.Images;

namespace Coloc.IO.Hdf5;

/// <summary>
/// Opens every image input: Imaris <c>.ims</c> and BigDataViewer <c>.h5</c>/<c>.xml</c> here, anything else (TIFF,
/// OME-TIFF, plane folders) through <see cref="ImageFiles.Open"/>. An HDF5 file of another extension is recognised by
/// its signature and read as Imaris if it has <c>/DataSet</c>, else as BigDataViewer.
/// </summary>
public static class Hdf5Images
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'H', (byte)'D', (byte)'F', (byte)'\r', (byte)'\n', 0x1a, (byte)'\n'];

    /// <summary>Opens <paramref name="path"/> with the reader its extension (or HDF5 signature) calls for.</summary>
    /// <param name="path">The image: file, folder or plane pattern.</param>
    /// <param name="warn">Receives reader warnings (default: dropped).</param>
    /// <param name="maxExpansion">Largest ratio of the pixel bytes a header claims to the file size (<c>--max-expansion</c>).</param>
    /// <exception cref="ColocFormatException">One line naming the file and the problem.</exception>
    public static ImageStack Open(string path, Action<string>? warn = null, int maxExpansion = 2048)
    {
        ArgumentNullException.ThrowIfNull(path);
        string ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (ext == ".ims") return ImarisStack.Open(path, 0, maxExpansion);
        if (ext is ".h5" or ".hdf5" or ".xml") return BdvStack.Open(path, 0, maxExpansion);
        if (!PlaneFiles.IsPlanes(path) && IsHdf5(path))
            return IsImaris(path) ? ImarisStack.Open(path, 0, maxExpansion) : BdvStack.Open(path, 0, maxExpansion);
        return ImageFiles.Open(path, warn, maxExpansion);
    }

    private static bool IsHdf5(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[8];
        using var f = File.OpenRead(path);
        return f.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual(Signature);
    }

    private static bool IsImaris(string path)
    {
        using var f = Hdf5Datasets.Guard(path, "not a readable HDF5 file", () => PureHDF.H5File.OpenRead(path));
        return Hdf5Datasets.Guard(path, "HDF5 layout", () => f.LinkExists("/DataSet"));
    }
}
