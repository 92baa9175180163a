using System.Buffers.Binary;
using System.Text;

namespace Coloc.IO.Blobs;

/// <summary>
/// An ImageJ multipoint ROI as stored in a <c>.roi</c> file (ImageJ 1.53t's <c>ij.io.RoiDecoder</c>/<c>RoiEncoder</c>
/// layout, big-endian). Header (64 bytes): <c>"Iout"</c>, version (short, 4), type (byte 6; 10 = point), top/left/
/// bottom/right (shorts 8–14), point count (unsigned short 16; 0 = the int at 18 holds it), options (short 50;
/// 128 = sub-pixel float coordinates follow the short ones, from version 222 on), position (int 56: the stack slice of the whole ROI),
/// header-2 offset (int 60). Coordinates at 64: n shorts x − left, n shorts y − top (below −5000 read as unsigned, as ImageJ does), then (sub-pixel) n floats x and
/// n floats y. Header 2 (64 bytes): c, z, t position (ints 4, 8, 12; 0 = unset), name offset and length (ints 16, 20;
/// UTF-16 chars), counters offset (int 48): n ints, each <c>counter | stackPosition &lt;&lt; 8</c> — the multipoint
/// tool's counter (0–255) and the 1-based stack slice of the point (0 = none).
/// </summary>
/// <param name="Name">The ROI's name (ROI Manager label), or empty.</param>
/// <param name="X">x of each point, pixels (0 = left edge of the first pixel column's point, as ImageJ).</param>
/// <param name="Y">y of each point, pixels.</param>
/// <param name="Counters">Counter of each point (0–255).</param>
/// <param name="StackPositions">1-based stack slice of each point; 0 = not set.</param>
public sealed record ImageJPointRoi(string Name, float[] X, float[] Y, int[] Counters, int[] StackPositions)
{
    /// <summary>Hyperstack channel of the whole ROI, 1-based; 0 = not set.</summary>
    public int CPosition { get; init; }

    /// <summary>Hyperstack slice of the whole ROI, 1-based; 0 = not set.</summary>
    public int ZPosition { get; init; }

    /// <summary>Hyperstack frame of the whole ROI, 1-based; 0 = not set.</summary>
    public int TPosition { get; init; }

    /// <summary>Stack slice of the whole ROI (non-hyperstack), 1-based; 0 = not set.</summary>
    public int Position { get; init; }

    private const int HeaderSize = 64, Header2Size = 64, PointType = 10, SubPixel = 128, Version = 228;

    /// <summary>ImageJ reads the sub-pixel coordinates only from files of version 222 or later.</summary>
    private const int FirstSubPixelVersion = 222;

    /// <summary>Decodes a <c>.roi</c> file's bytes; <paramref name="name"/> names it in messages.</summary>
    /// <exception cref="ColocFormatException">Not an ImageJ ROI, not a point ROI, or cut short.</exception>
    public static ImageJPointRoi Decode(ReadOnlySpan<byte> d, string name)
    {
        if (d.Length < HeaderSize || d[0] != (byte)'I' || d[1] != (byte)'o' || d[2] != (byte)'u' || d[3] != (byte)'t')
            throw new ColocFormatException($"{name}: not an ImageJ ROI (no 'Iout' header)");
        int type = d[6];
        if (type != PointType) throw new ColocFormatException($"{name}: ImageJ ROI of type {type}, not a point ROI (type 10)");
        int top = Coordinate(d, 8), left = Coordinate(d, 10);
        long n = BinaryPrimitives.ReadUInt16BigEndian(d[16..]);
        if (n == 0) n = Int(d, 18);
        int options = Short(d, 50);
        bool sub = (options & SubPixel) != 0 && Short(d, 4) >= FirstSubPixelVersion;
        long coordBytes = n * (sub ? 12L : 4L);
        if (n < 0 || HeaderSize + coordBytes > d.Length)
            throw new ColocFormatException($"{name}: ImageJ ROI says {n} points but holds {d.Length} bytes");
        int count = (int)n;
        var x = new float[count];
        var y = new float[count];
        for (int i = 0; i < count; i++)
        {
            if (sub)
            {
                x[i] = BinaryPrimitives.ReadSingleBigEndian(d[(HeaderSize + 4 * count + 4 * i)..]);
                y[i] = BinaryPrimitives.ReadSingleBigEndian(d[(HeaderSize + 8 * count + 4 * i)..]);
            }
            else
            {
                x[i] = left + Math.Max(0, Coordinate(d, HeaderSize + 2 * i));
                y[i] = top + Math.Max(0, Coordinate(d, HeaderSize + 2 * count + 2 * i));
            }
        }
        var counters = new int[count];
        var positions = new int[count];
        int h2 = Int(d, 60);
        var roi = new ImageJPointRoi("", x, y, counters, positions) { Position = Int(d, 56) };
        if (h2 <= 0) return roi;
        if ((long)h2 + Header2Size > d.Length)
            throw new ColocFormatException($"{name}: ImageJ ROI cut short: its header 2 (positions, counters) at byte {h2} runs past the end ({d.Length} bytes)");
        int nameOffset = Int(d, h2 + 16), nameLength = Int(d, h2 + 20), countersOffset = Int(d, h2 + 48);
        string roiName = "";
        if (nameOffset > 0 && nameLength > 0 && (long)nameOffset + 2L * nameLength <= d.Length)
            roiName = Encoding.BigEndianUnicode.GetString(d.Slice(nameOffset, 2 * nameLength));
        if (countersOffset > 0)
        {
            if ((long)countersOffset + 4L * count > d.Length)
                throw new ColocFormatException($"{name}: ImageJ ROI counters run past the end of the file");
            for (int i = 0; i < count; i++)
            {
                int v = Int(d, countersOffset + 4 * i);
                counters[i] = v & 0xff;
                positions[i] = (int)((uint)v >> 8);
            }
        }
        return roi with { Name = roiName, CPosition = Int(d, h2 + 4), ZPosition = Int(d, h2 + 8), TPosition = Int(d, h2 + 12) };
    }

    /// <summary>Encodes the ROI as ImageJ 1.53t writes a sub-pixel point ROI with counters and a name.</summary>
    public byte[] Encode()
    {
        int n = X.Length;
        int coords = 12 * n;
        int h2 = HeaderSize + coords, nameOffset = h2 + Header2Size, countersOffset = nameOffset + 2 * Name.Length;
        var d = new byte[countersOffset + 4 * n];
        "Iout"u8.CopyTo(d);
        BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(4), Version);
        d[6] = PointType;
        int left = 0, top = 0, right = 0, bottom = 0;
        if (n > 0)
        {
            left = (int)Math.Floor(X.Min()); top = (int)Math.Floor(Y.Min());
            right = (int)Math.Floor(X.Max()) + 1; bottom = (int)Math.Floor(Y.Max()) + 1;
        }
        BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(8), (short)top);
        BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(10), (short)left);
        BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(12), (short)bottom);
        BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(14), (short)right);
        if (n <= ushort.MaxValue) BinaryPrimitives.WriteUInt16BigEndian(d.AsSpan(16), (ushort)n);
        else BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(18), n);
        BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(50), SubPixel);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(56), Position);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(60), h2);
        for (int i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(HeaderSize + 2 * i), (short)((int)X[i] - left));
            BinaryPrimitives.WriteInt16BigEndian(d.AsSpan(HeaderSize + 2 * n + 2 * i), (short)((int)Y[i] - top));
            BinaryPrimitives.WriteSingleBigEndian(d.AsSpan(HeaderSize + 4 * n + 4 * i), X[i]);
            BinaryPrimitives.WriteSingleBigEndian(d.AsSpan(HeaderSize + 8 * n + 4 * i), Y[i]);
            BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(countersOffset + 4 * i), (Counters[i] & 0xff) | (StackPositions[i] << 8));
        }
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(h2 + 4), CPosition);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(h2 + 8), ZPosition);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(h2 + 12), TPosition);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(h2 + 16), Name.Length > 0 ? nameOffset : 0);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(h2 + 20), Name.Length);
        BinaryPrimitives.WriteInt32BigEndian(d.AsSpan(h2 + 48), n > 0 ? countersOffset : 0);
        Encoding.BigEndianUnicode.GetBytes(Name, d.AsSpan(nameOffset));
        return d;
    }

    private static short Short(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadInt16BigEndian(d[at..]);

    /// <summary>A coordinate short as ImageJ's <c>RoiDecoder.getShort</c> reads it: signed, but below −5000 taken as unsigned (x, y &gt; 32767).</summary>
    private static int Coordinate(ReadOnlySpan<byte> d, int at)
    {
        int v = Short(d, at);
        return v < -5000 ? (ushort)v : v;
    }

    private static int Int(ReadOnlySpan<byte> d, int at) => BinaryPrimitives.ReadInt32BigEndian(d[at..]);
}
