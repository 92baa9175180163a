using Coloc.Core.Geometry;
using Coloc.Core.Regions;
using Coloc.IO.Numpy;
using Coloc.IO.Tiff;

namespace Coloc.IO.Labels;

/// <summary>
/// Reads an atlas labels image by its file name: TIFF (<c>.tif</c>, <c>.tiff</c>; 8/16/32-bit signed or unsigned
/// integers, one channel), MetaImage (<c>.mhd</c>, <c>.mha</c>), NIfTI-1 (<c>.nii</c>, <c>.nii.gz</c>) or NumPy
/// (<c>.npy</c>, any integer dtype, 2-D or 3-D). Negative ids (MagellanMapper's mirrored hemisphere) and unsigned
/// 32-bit ids are kept as they are. Float data is refused (labels must be integers).
/// Memory: 8 bytes per voxel; images above <see cref="DefaultMaxVoxels"/> voxels are refused before reading.
/// </summary>
public static class LabelsReader
{
    /// <summary>Default size limit: 2^28 voxels (2 GiB of ids; a 10 µm mouse atlas at half resolution fits).</summary>
    public const long DefaultMaxVoxels = 1L << 28;

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ColocFormatException">One line naming the file and the problem (unknown extension, not integer, too large, damaged).</exception>
    public static LabelsImage Read(string path, long maxVoxels = DefaultMaxVoxels)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ColocFormatException($"{path}: no such labels file");
        string lower = path.ToLowerInvariant();
        if (lower.EndsWith(".nii", StringComparison.Ordinal) || lower.EndsWith(".nii.gz", StringComparison.Ordinal)) return NiftiReader.Read(path, maxVoxels);
        if (lower.EndsWith(".mhd", StringComparison.Ordinal) || lower.EndsWith(".mha", StringComparison.Ordinal)) return MetaImageReader.Read(path, maxVoxels);
        if (lower.EndsWith(".npy", StringComparison.Ordinal)) return ReadNpy(path, maxVoxels);
        if (lower.EndsWith(".tif", StringComparison.Ordinal) || lower.EndsWith(".tiff", StringComparison.Ordinal)) return ReadTiff(path, maxVoxels);
        throw new ColocFormatException($"{path}: unknown labels format (use .tif, .mhd, .nii, .nii.gz or .npy)");
    }

    /// <summary>Refuses a shape above <paramref name="maxVoxels"/>.</summary>
    internal static void CheckSize(ZyxInt shape, long maxVoxels, string path)
    {
        if (shape.Volume > maxVoxels)
            throw new ColocFormatException($"{path}: labels of {shape} ({shape.Volume} voxels) exceed the limit of {maxVoxels} voxels; downsample the labels");
    }

    private static LabelsImage ReadTiff(string path, long maxVoxels)
    {
        using var t = TiffStack.Open(path);
        if (t.Channels != 1 || t.Frames != 1)
            throw new ColocFormatException($"{path}: labels must have one channel and one frame, the file has {t.Channels} channel(s), {t.Frames} frame(s)");
        if (t.PixelType == TiffPixelType.Float32) throw new ColocFormatException($"{path}: labels must be integers, the file holds 32-bit floats");
        CheckSize(t.Shape, maxVoxels, path);
        var ids = new long[t.Shape.Volume];
        int plane = t.Shape.Y * t.Shape.X;
        for (int z = 0; z < t.Shape.Z; z++)
        {
            var dst = ids.AsSpan(z * plane, plane);
            switch (t.PixelType)
            {
                case TiffPixelType.UInt8: Plane<byte>(t, z, dst, v => v); break;
                case TiffPixelType.Int8: Plane<sbyte>(t, z, dst, v => v); break;
                case TiffPixelType.UInt16: Plane<ushort>(t, z, dst, v => v); break;
                case TiffPixelType.Int16: Plane<short>(t, z, dst, v => v); break;
                case TiffPixelType.UInt32: Plane<uint>(t, z, dst, v => v); break;
                default: Plane<int>(t, z, dst, v => v); break;
            }
        }
        var r = t.ResolutionUm;
        return new LabelsImage(new LabelGrid(t.Shape, ids), r);
    }

    private static void Plane<T>(TiffStack t, int z, Span<long> dst, Func<T, long> widen) where T : unmanaged
    {
        var buf = new T[dst.Length];
        t.ReadPlane<T>(0, z, buf);
        for (int i = 0; i < buf.Length; i++) dst[i] = widen(buf[i]);
    }

    private static LabelsImage ReadNpy(string path, long maxVoxels)
    {
        using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            var h = NpyReader.ReadHeader(fs, fs.Length, path);
            if (h.Dtype.Kind is not ('i' or 'u' or 'b'))
                throw new ColocFormatException($"{path}: labels must be integers, the array is {h.Dtype.Descr}");
            if (h.Shape.Count is not (2 or 3)) throw new ColocFormatException($"{path}: labels must be 2-D or 3-D, the array has {h.Shape.Count} axes");
            if (h.ElementCount > maxVoxels)
                throw new ColocFormatException($"{path}: labels of {h.ElementCount} voxels exceed the limit of {maxVoxels} voxels; downsample the labels");
        }
        var a = NpyReader.ReadFile(path) ?? throw new ColocFormatException($"{path}: labels must be integers, the array holds objects");
        var s = a.Shape;
        var shape = s.Count == 3 ? new ZyxInt((int)s[0], (int)s[1], (int)s[2]) : new ZyxInt(1, (int)s[0], (int)s[1]);
        // Dispatch on the dtype, not on array type patterns (a uint[] also matches an int[] pattern).
        long[] ids = (a.Dtype.Kind, a.Dtype.ItemSize) switch
        {
            ('i', 8) => (long[])a.Data,
            ('i', 4) => Array.ConvertAll((int[])a.Data, x => (long)x),
            ('i', 2) => Array.ConvertAll((short[])a.Data, x => (long)x),
            ('i', 1) => Array.ConvertAll((sbyte[])a.Data, x => (long)x),
            ('u', 4) => Array.ConvertAll((uint[])a.Data, x => (long)x),
            ('u', 2) => Array.ConvertAll((ushort[])a.Data, x => (long)x),
            ('u', 1) => Array.ConvertAll((byte[])a.Data, x => (long)x),
            ('b', 1) => Array.ConvertAll((bool[])a.Data, x => x ? 1L : 0L),
            ('u', 8) => Array.ConvertAll((ulong[])a.Data, x => x <= long.MaxValue ? (long)x : throw new ColocFormatException($"{path}: label id {x} is above 2^63-1")),
            _ => throw new ColocFormatException($"{path}: labels must be integers, the array is {a.Dtype.Descr}"),
        };
        return new LabelsImage(new LabelGrid(shape, ids), null);
    }
}
