using System.IO.Compression;
using System.Text;

namespace Coloc.IO.Tests.Numpy;

/// <summary>Builds NPY streams and NPZ files byte by byte, following numpy's documented format, for the reader tests.</summary>
internal static class NpyBytes
{
    /// <summary>An NPY stream: magic, version, header length, the header padded with spaces and a newline to a multiple of 64, then <paramref name="data"/>.</summary>
    public static byte[] Npy(string header, byte[] data, int major = 1)
    {
        int prefix = major == 1 ? 10 : 12;
        var enc = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        int raw = enc.GetByteCount(header) + 1;
        int pad = (64 - (prefix + raw) % 64) % 64;
        var h = enc.GetBytes(header + new string(' ', pad) + "\n");
        var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0]);
        if (major == 1) ms.Write(BitConverter.GetBytes((ushort)h.Length));
        else ms.Write(BitConverter.GetBytes((uint)h.Length));
        ms.Write(h);
        ms.Write(data);
        return ms.ToArray();
    }

    /// <summary>The header dict numpy writes.</summary>
    public static string Header(string descr, bool fortran, params long[] shape) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({string.Join(", ", shape)}{(shape.Length == 1 ? "," : "")}), }}";

    public static byte[] Doubles(params double[] v) => [.. v.SelectMany(BitConverter.GetBytes)];

    /// <summary>Writes an NPZ (ZIP) with the given members, stored or deflated.</summary>
    public static string Npz(string dir, string file, bool deflate, params (string Name, byte[] Bytes)[] members)
    {
        string path = Path.Combine(dir, file);
        using var fs = File.Create(path);
        using var zip = new ZipArchive(fs, ZipArchiveMode.Create);
        foreach (var (name, bytes) in members)
        {
            var e = zip.CreateEntry(name, deflate ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
            using var s = e.Open();
            s.Write(bytes);
        }
        return path;
    }
}
