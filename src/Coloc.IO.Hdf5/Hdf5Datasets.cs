using System.Runtime.InteropServices;
using Coloc.Core.Geometry;
using Coloc.IO.Tiff;
using PureHDF;
using PureHDF.Selections;

namespace Coloc.IO.Hdf5;

/// <summary>What the HDF5 image readers share: pixel types, box reads of 3-D z,y,x datasets, size checks, one-line errors.</summary>
internal static class Hdf5Datasets
{
    /// <summary>The pixel type of a dataset (8/16/32-bit integer, 32-bit float); <paramref name="int16AsUInt16"/>: BigDataViewer's int16 cells hold uint16 bits.</summary>
    internal static TiffPixelType PixelType(IH5Dataset ds, string path, string name, bool int16AsUInt16 = false)
    {
        var t = ds.Type;
        if (t.Class == H5DataTypeClass.FloatingPoint && t.Size == 4) return TiffPixelType.Float32;
        if (t.Class == H5DataTypeClass.FixedPoint)
        {
            bool signed = t.FixedPoint.IsSigned;
            switch (t.Size)
            {
                case 1: return signed ? TiffPixelType.Int8 : TiffPixelType.UInt8;
                case 2: return signed && !int16AsUInt16 ? TiffPixelType.Int16 : TiffPixelType.UInt16;
                case 4: return signed ? TiffPixelType.Int32 : TiffPixelType.UInt32;
            }
        }
        throw new ColocFormatException($"{path}: {name} holds {t.Class} values of {t.Size} bytes; 8/16/32-bit integers or 32-bit floats are supported");
    }

    /// <summary>Shape z,y,x of a 3-D dataset; refuses another rank, a dimension above int range, or more bytes than <paramref name="maxExpansion"/> × the file size.</summary>
    internal static ZyxInt Shape(IH5Dataset ds, string path, string name, long fileBytes, int maxExpansion)
    {
        var d = ds.Space.Dimensions;
        if (d.Length != 3) throw new ColocFormatException($"{path}: {name} has {d.Length} dimensions, a z,y,x volume has 3");
        if (d.Any(n => n == 0 || n > int.MaxValue)) throw new ColocFormatException($"{path}: {name} has dimensions {string.Join("×", d)}, each must be in 1..{int.MaxValue}");
        double claimed = (double)d[0] * d[1] * d[2] * ds.Type.Size;
        if (claimed > (double)maxExpansion * fileBytes)
            throw new ColocFormatException($"{path}: {name} claims {string.Join("×", d)} values ({claimed:0} bytes) but the file has {fileBytes} bytes, more than {maxExpansion} times as much (--max-expansion); damaged or hostile header");
        return new ZyxInt((int)d[0], (int)d[1], (int)d[2]);
    }

    /// <summary>Reads the box [offset, offset+size) of a 3-D dataset as raw native-order samples into <paramref name="destination"/>, reading only the chunks it touches.</summary>
    internal static void ReadBox(IH5Dataset ds, TiffPixelType storedAs, ZyxInt offset, ZyxInt size, Span<byte> destination)
    {
        switch (ds.Type.Size, storedAs)
        {
            case (1, TiffPixelType.Int8): Read<sbyte>(ds, offset, size, destination); break;
            case (1, _): Read<byte>(ds, offset, size, destination); break;
            case (2, _) when ds.Type.FixedPoint.IsSigned: Read<short>(ds, offset, size, destination); break;
            case (2, _): Read<ushort>(ds, offset, size, destination); break;
            case (4, TiffPixelType.Float32): Read<float>(ds, offset, size, destination); break;
            case (4, TiffPixelType.Int32): Read<int>(ds, offset, size, destination); break;
            default: Read<uint>(ds, offset, size, destination); break;
        }
    }

    private static void Read<T>(IH5Dataset ds, ZyxInt offset, ZyxInt size, Span<byte> destination) where T : unmanaged
    {
        var buffer = new T[size.Volume];
        var selection = new HyperslabSelection(3, [(ulong)offset.Z, (ulong)offset.Y, (ulong)offset.X], [(ulong)size.Z, (ulong)size.Y, (ulong)size.X]);
        ds.Read(buffer, selection, null, [(ulong)size.Z, (ulong)size.Y, (ulong)size.X]);
        MemoryMarshal.AsBytes(buffer.AsSpan()).CopyTo(destination);
    }

    /// <summary>Runs <paramref name="action"/>, turning any failure of the HDF5 library into one line naming the file.</summary>
    internal static T Guard<T>(string path, string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsLibraryFailure(e))
        {
            throw Failure(path, what, e);
        }
    }

    /// <summary>True for what the HDF5 library throws on a damaged file (not our own one-line errors, not out of memory).</summary>
    internal static bool IsLibraryFailure(Exception e) => e is not ColocFormatException and not OutOfMemoryException;

    /// <summary>The one-line error for a failure of the HDF5 library while doing <paramref name="what"/>.</summary>
    internal static ColocFormatException Failure(string path, string what, Exception e) =>
        new($"{path}: {what}: {OneLine(e.Message)} (damaged, or not an HDF5 file of this layout)", e);

    /// <summary>Text of an attribute: a string, or Imaris's array of one-character strings, or a number.</summary>
    internal static string? Text(IH5Object o, string name)
    {
        if (!o.AttributeExists(name)) return null;
        var a = o.Attribute(name);
        return a.Type.Class switch
        {
            H5DataTypeClass.String => string.Concat(a.Read<string[]>()).TrimEnd('\0'),
            H5DataTypeClass.FloatingPoint => a.Read<double[]>()[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            H5DataTypeClass.FixedPoint => a.Read<long[]>()[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static string OneLine(string s) => string.Join(' ', s.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
