using BitMiracle.LibTiff.Classic;

namespace Coloc.IO.Tiff;

/// <summary>
/// A <see cref="TiffStream"/> over one <see cref="Stream"/> that ignores LibTiff.NET's <c>clientData</c> argument, so
/// that the client data can be the file's <see cref="TiffMessages"/> instead of the stream. Disposes the stream on
/// close only if it owns it.
/// </summary>
internal sealed class MessageTiffStream(Stream stream, bool ownsStream = true) : TiffStream
{
    /// <inheritdoc/>
    public override int Read(object clientData, byte[] buffer, int offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            int n = stream.Read(buffer, offset + total, count - total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    /// <inheritdoc/>
    public override void Write(object clientData, byte[] buffer, int offset, int count) => stream.Write(buffer, offset, count);

    /// <inheritdoc/>
    public override long Seek(object clientData, long offset, SeekOrigin origin) => stream.Seek(offset, origin);

    /// <inheritdoc/>
    public override void Close(object clientData)
    {
        if (ownsStream) stream.Dispose();
    }

    /// <inheritdoc/>
    public override long Size(object clientData) => stream.Length;
}
