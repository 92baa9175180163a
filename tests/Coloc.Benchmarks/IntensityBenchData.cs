using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;

namespace Coloc.Benchmarks;

/// <summary>
/// Seeded inputs for intensity colocalization: a 2-channel uint16 ImageJ hyperstack (BigTIFF, uncompressed, one strip
/// per page) with a cheap pseudo-random texture, and blobs uniformly placed with alternating channels. Also run as
/// <c>dotnet run -c Release --project tests/Coloc.Benchmarks -- make-intensity-data IMAGE.tif BLOBS.csv Z,Y,X N</c>
/// to make the large-file benchmark inputs.
/// </summary>
public static class IntensityBenchData
{
    /// <summary>Writes the image (2 channels of <paramref name="shape"/>).</summary>
    public static void WriteImage(string path, ZyxInt shape)
    {
        TiffStackWriter.Write<ushort>(path, shape, 2, 1, (c, z, _, dst) =>
        {
            uint s = (uint)(z * 2 + c + 1) * 2654435761u;
            for (int i = 0; i < dst.Length; i++)
            {
                s ^= s << 13; s ^= s >> 17; s ^= s << 5;
                dst[i] = (ushort)(200 + (s & 0x3FF) + c * 100);
            }
        }, new TiffWriteOptions { BigTiff = true });
    }

    /// <summary>
    /// <paramref name="count"/> blobs inside <paramref name="shape"/>, channel = row parity (seed 7), no two of one
    /// channel on the same voxel (so no region is empty and the "min" thresholds are numbers, not NaN).
    /// </summary>
    public static Blob[] Blobs(ZyxInt shape, int count)
    {
        var rng = new Random(7);
        var r = new Blob[count];
        var used = new HashSet<(int, int, int, int)>();
        for (int i = 0; i < count; i++)
        {
            Blob b;
            do b = new Blob(rng.NextDouble() * shape.Z, rng.NextDouble() * shape.Y, rng.NextDouble() * shape.X, 3, -1, -1, i % 2);
            while (!used.Add(((int)b.Z, (int)b.Y, (int)b.X, i % 2)));
            r[i] = b;
        }
        return r;
    }

    /// <summary>The <c>make-intensity-data</c> command.</summary>
    public static void Make(string[] args)
    {
        var p = args[3].Split(',').Select(int.Parse).ToArray();
        var shape = new ZyxInt(p[0], p[1], p[2]);
        WriteImage(args[1], shape);
        BlobCsv.Write(args[2], Blobs(shape, int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
