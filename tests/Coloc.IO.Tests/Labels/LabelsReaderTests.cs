using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.IO.Labels;
using Coloc.IO.Tiff;

namespace Coloc.IO.Tests.Labels;

/// <summary>Labels files written byte by byte from the formats' specifications, read back by <see cref="LabelsReader"/>.</summary>
public sealed class LabelsReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("coloc-labels-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // z,y,x = 2,2,3; ids include a negative (mirrored) id and one above 2^31.
    private static readonly long[] Ids = [0, 0, 5, -5, 7, 7, 3_000_000_000, 0, 1, 1, 2, -2];
    private static readonly ZyxInt Shape = new(2, 2, 3);

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void MetaImage_int64_round_trip(bool bigEndian, bool compressed)
    {
        var raw = Elements(Ids, 8, bigEndian);
        if (compressed)
        {
            var ms = new MemoryStream();
            using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(raw);
            raw = ms.ToArray();
        }
        File.WriteAllBytes(Path.Combine(_dir, "l.raw"), raw);
        File.WriteAllText(Path.Combine(_dir, "l.mhd"),
            $"ObjectType = Image\nNDims = 3\nBinaryDataByteOrderMSB = {(bigEndian ? "True" : "False")}\nCompressedData = {(compressed ? "True" : "False")}\n" +
            "ElementSpacing = 25 25 50\nDimSize = 3 2 2\nElementType = MET_LONG_LONG\nElementDataFile = l.raw\n");
        var img = LabelsReader.Read(Path.Combine(_dir, "l.mhd"));
        Assert.Equal(Shape, img.Grid.Shape);
        Assert.Equal(Ids, img.Grid.Ids.ToArray());
        Assert.Equal(new Zyx(50, 25, 25), img.SpacingUm);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Nifti_int64_round_trip(bool bigEndian, bool gzip)
    {
        var bytes = Nifti(Ids, 1024, 8, bigEndian);
        string path = Path.Combine(_dir, gzip ? "l.nii.gz" : "l.nii");
        if (gzip)
        {
            using var fs = File.Create(path);
            using var gz = new GZipStream(fs, CompressionLevel.Fastest);
            gz.Write(bytes);
        }
        else File.WriteAllBytes(path, bytes);
        var img = LabelsReader.Read(path);
        Assert.Equal(Shape, img.Grid.Shape);
        Assert.Equal(Ids, img.Grid.Ids.ToArray());
        var sp = img.SpacingUm!.Value; // pixdim is float32 in mm
        Assert.Equal(30, sp.Z, 4);
        Assert.Equal(20, sp.Y, 4);
        Assert.Equal(10, sp.X, 4);
    }

    [Fact]
    public void Nifti_float_is_refused_with_one_line()
    {
        string path = Path.Combine(_dir, "f.nii");
        File.WriteAllBytes(path, Nifti(Ids, 16, 4, false));
        var e = Assert.Throws<ColocFormatException>(() => LabelsReader.Read(path));
        Assert.Contains("must be integers", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Tiff_int32_with_negative_ids()
    {
        string path = Path.Combine(_dir, "l.tif");
        var v = Ids.Select(x => (int)Math.Clamp(x, int.MinValue, int.MaxValue)).ToArray();
        TiffStackWriter.Write<int>(path, Shape, 1, 1, (_, z, _, dst) => v.AsSpan(z * 6, 6).CopyTo(dst));
        var img = LabelsReader.Read(path);
        Assert.Equal(v.Select(x => (long)x), img.Grid.Ids.ToArray());
    }

    [Fact]
    public void Tiff_uint32_keeps_ids_above_2_31()
    {
        string path = Path.Combine(_dir, "u.tif");
        var v = Ids.Select(x => (uint)Math.Abs(x)).ToArray();
        TiffStackWriter.Write<uint>(path, Shape, 1, 1, (_, z, _, dst) => v.AsSpan(z * 6, 6).CopyTo(dst));
        Assert.Equal(v.Select(x => (long)x), LabelsReader.Read(path).Grid.Ids.ToArray());
    }

    [Fact]
    public void Tiff_float_is_refused()
    {
        string path = Path.Combine(_dir, "f.tif");
        TiffStackWriter.Write<float>(path, Shape, 1, 1, (_, _, _, dst) => dst.Fill(1));
        Assert.Contains("must be integers", Assert.Throws<ColocFormatException>(() => LabelsReader.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_large_is_refused_before_reading()
    {
        string path = Path.Combine(_dir, "l.nii");
        File.WriteAllBytes(path, Nifti(Ids, 1024, 8, false));
        var e = Assert.Throws<ColocFormatException>(() => LabelsReader.Read(path, maxVoxels: 5));
        Assert.Contains("exceed the limit", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("l.png", "unknown labels format")]
    [InlineData("missing.nii", "no such labels file")]
    public void Unknown_or_missing_file(string file, string message)
    {
        string path = Path.Combine(_dir, file);
        if (file.EndsWith(".png", StringComparison.Ordinal)) File.WriteAllText(path, "x");
        Assert.Contains(message, Assert.Throws<ColocFormatException>(() => LabelsReader.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_metaimage_is_refused()
    {
        File.WriteAllBytes(Path.Combine(_dir, "t.raw"), new byte[10]);
        File.WriteAllText(Path.Combine(_dir, "t.mhd"), "NDims = 3\nDimSize = 3 2 2\nElementType = MET_USHORT\nElementDataFile = t.raw\n");
        Assert.Contains("truncated", Assert.Throws<ColocFormatException>(() => LabelsReader.Read(Path.Combine(_dir, "t.mhd"))).Message, StringComparison.Ordinal);
    }

    private static byte[] Elements(long[] ids, int size, bool big)
    {
        var b = new byte[ids.Length * size];
        for (int i = 0; i < ids.Length; i++)
        {
            var s = b.AsSpan(i * size, size);
            if (size == 8)
            {
                if (big) BinaryPrimitives.WriteInt64BigEndian(s, ids[i]);
                else BinaryPrimitives.WriteInt64LittleEndian(s, ids[i]);
            }
            else if (big) BinaryPrimitives.WriteSingleBigEndian(s, ids[i]);
            else BinaryPrimitives.WriteSingleLittleEndian(s, ids[i]);
        }
        return b;
    }

    /// <summary>A NIfTI-1 single file: 348-byte header, 4 extension bytes, data at vox_offset 352; pixdim 10,20,30 mm/1000 in µm units.</summary>
    private static byte[] Nifti(long[] ids, short datatype, int size, bool big)
    {
        var h = new byte[352];
        void I32(int o, int v) { if (big) BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(o), v); else BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(o), v); }
        void I16(int o, short v) { if (big) BinaryPrimitives.WriteInt16BigEndian(h.AsSpan(o), v); else BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(o), v); }
        void F32(int o, float v) { if (big) BinaryPrimitives.WriteSingleBigEndian(h.AsSpan(o), v); else BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(o), v); }
        I32(0, 348);
        I16(40, 3); I16(42, 3); I16(44, 2); I16(46, 2);
        I16(70, datatype); I16(72, (short)(size * 8));
        F32(80, 0.01f); F32(84, 0.02f); F32(88, 0.03f);
        F32(108, 352);
        h[123] = 2; // mm
        Encoding.ASCII.GetBytes("n+1\0").CopyTo(h, 344);
        return [.. h, .. Elements(ids, size, big)];
    }
}
