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
        if (PlaneFiles.IsPlanes(path)) return PlaneFolderStack.Open(path, warn, maxExpansion);
        if (File.Exists(path) && !LooksLikeTiff(path))
            throw new ColocFormatException($"{path}: not a readable TIFF file (no TIFF signature); images are read from TIFF/OME-TIFF files, folders of TIFF planes, Imaris .ims and BigDataViewer .h5/.xml");
        return TiffStack.Open(path, warn, maxExpansion);
    }

    /// <summary>True if the file starts with a TIFF or BigTIFF byte-order mark and version (II*\0, MM\0*, II+\0, MM\0+).</summary>
    private static bool LooksLikeTiff(string path)
    {
        Span<byte> h = stackalloc byte[4];
        using (var f = File.OpenRead(path))
            if (f.ReadAtLeast(h, 4, throwOnEndOfStream: false) < 4) return false;
        return (h[0], h[1], h[2], h[3]) is ((byte)'I', (byte)'I', 42 or 43, 0) or ((byte)'M', (byte)'M', 0, 42 or 43);
    }
}
