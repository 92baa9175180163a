using Coloc.Core.Geometry;
using Coloc.IO.Images;
using Coloc.IO.Tiff;
using PureHDF;
using PureHDF.VOL.Native;

namespace Coloc.IO.Hdf5;

/// <summary>
/// An image held in one HDF5 file as one chunked z,y,x dataset per frame and channel (Imaris <c>.ims</c>,
/// BigDataViewer <c>.h5</c>): the layouts differ only in where the datasets and the voxel size are found, so the
/// reading of boxes, the sizes and the file's identity live here once. Reads are serialised on the file (PureHDF's
/// native file is not thread-safe).
/// </summary>
public abstract class Hdf5Stack : ImageStack
{
    private readonly NativeFile _file;
    private readonly IH5Dataset[,] _data;
    private readonly string _path, _h5, _what;

    /// <param name="path">The path the user gave (reported by <see cref="Path"/>).</param>
    /// <param name="h5">The HDF5 file holding the pixels (its size and time stamp identify the image).</param>
    /// <param name="file">The open file; disposed with this stack.</param>
    /// <param name="data">The datasets by [frame, channel], all of one stored shape and pixel type.</param>
    /// <param name="shape">Image size z,y,x in voxels (may be smaller than the stored, chunk-padded dataset).</param>
    /// <param name="type">Pixel type.</param>
    /// <param name="resolutionUm">Voxel size z,y,x in µm.</param>
    /// <param name="channelWord">What the layout calls a channel in messages ("channel", "setup").</param>
    private protected Hdf5Stack(string path, string h5, NativeFile file, IH5Dataset[,] data, ZyxInt shape, TiffPixelType type,
        Zyx resolutionUm, string channelWord)
    {
        (_path, _h5, _file, _data, _what) = (path, h5, file, data, channelWord);
        Shape = shape;
        PixelType = type;
        ResolutionUm = resolutionUm;
    }

    /// <inheritdoc/>
    public override string Path => _path;

    /// <inheritdoc/>
    public override ZyxInt Shape { get; }

    /// <inheritdoc/>
    public override int Channels => _data.GetLength(1);

    /// <inheritdoc/>
    public override int Frames => _data.GetLength(0);

    /// <inheritdoc/>
    public override Zyx ResolutionUm { get; }

    /// <inheritdoc/>
    public override TiffPixelType PixelType { get; }

    /// <inheritdoc/>
    public override long Bytes => new FileInfo(_h5).Length;

    /// <inheritdoc/>
    public override DateTime ModifiedUtc => File.GetLastWriteTimeUtc(_h5);

    /// <inheritdoc/>
    protected override void ReadRaw(int channel, int frame, ZyxInt offset, ZyxInt size, Span<byte> destination)
    {
        lock (_file)
        {
            try
            {
                Hdf5Datasets.ReadBox(_data[frame, channel], PixelType, offset, size, destination);
            }
            catch (Exception e) when (Hdf5Datasets.IsLibraryFailure(e))
            {
                throw Hdf5Datasets.Failure(_h5, $"reading {_what} {channel}, frame {frame}", e);
            }
        }
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing) _file.Dispose();
    }
}
