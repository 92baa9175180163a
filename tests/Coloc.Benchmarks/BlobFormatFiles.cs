using System.Globalization;
using System.IO.Compression;
using System.Text;
using Coloc.Core.Blobs;
using Coloc.IO.Csv;
using Coloc.TestKit;

namespace Coloc.Benchmarks;

/// <summary>
/// The same 10^6 blobs (<see cref="BenchBlobs"/>, 500,000 per channel in 64×6000×6000) in each blob format, written
/// once into the temp folder: a MagellanMapper v5 archive (<c>ver</c>, <c>columns</c>, 10-column Fortran-order
/// float64 <c>segments</c>, <c>resolutions</c>, <c>basename</c>) stored or deflated as <c>np.savez</c> /
/// <c>np.savez_compressed</c> write it; a TrackMate 7 XML file (19 features per spot as TmXmlWriter writes them,
/// calibration 2 × 0.5 × 0.5 µm); Coloc's CSV.
/// </summary>
public static class BlobFormatFiles
{
    /// <summary>Blobs in every file.</summary>
    public const int Blobs = 1_000_000;

    private static readonly Lazy<Blob[]> Data = new(() => BenchBlobs.Make(Blobs / 2, BenchBlobs.Shape1M));

    /// <summary>The file of <paramref name="format"/> (<c>npz</c>, <c>npz-deflated</c>, <c>trackmate</c>, <c>csv</c>), made when missing.</summary>
    public static string Get(string format)
    {
        string path = Path.Combine(Path.GetTempPath(), format switch
        {
            "npz" => "coloc-bench-1m_blobs.npz",
            "npz-deflated" => "coloc-bench-1m-deflated_blobs.npz",
            "trackmate" => "coloc-bench-1m-trackmate.xml",
            "csv" => "coloc-bench-1m.csv",
            _ => throw new ArgumentException($"unknown format {format}", nameof(format)),
        });
        if (File.Exists(path)) return path;
        string tmp = path + ".tmp";
        switch (format)
        {
            case "npz": WriteArchive(tmp, CompressionLevel.NoCompression); break;
            case "npz-deflated": WriteArchive(tmp, CompressionLevel.Optimal); break;
            case "trackmate": WriteTrackMate(tmp); break;
            default: BlobCsv.Write(tmp, Data.Value); break;
        }
        File.Move(tmp, path, true);
        return path;
    }

    private static void WriteArchive(string path, CompressionLevel level)
    {
        var b = Data.Value;
        string[] names = ["z", "y", "x", "radius", "confirmed", "truth", "channel", "abs_z", "abs_y", "abs_x"];
        var seg = new byte[8L * b.Length * names.Length];
        for (int c = 0; c < names.Length; c++)
            for (int r = 0; r < b.Length; r++)
            {
                double v = c < 7 ? b[r][c] : b[r][c - 7];
                BitConverter.TryWriteBytes(seg.AsSpan((int)(8L * ((long)c * b.Length + r))), v);
            }
        int w = names.Max(n => n.Length);
        var text = names.SelectMany(n => Encoding.UTF32.GetBytes(n.PadRight(w, '\0'))).ToArray();
        using var fs = File.Create(path);
        using var zip = new ZipArchive(fs, ZipArchiveMode.Create);
        void Member(string name, string header, byte[] data)
        {
            using var s = zip.CreateEntry(name, level).Open();
            s.Write(Npy(header));
            s.Write(data);
        }
        Member("ver.npy", "{'descr': '<i8', 'fortran_order': False, 'shape': (), }", BitConverter.GetBytes(5L));
        Member("segments.npy", $"{{'descr': '<f8', 'fortran_order': True, 'shape': ({b.Length}, {names.Length}), }}", seg);
        Member("columns.npy", $"{{'descr': '<U{w}', 'fortran_order': False, 'shape': ({names.Length},), }}", text);
        Member("resolutions.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 3), }", [.. new[] { 2.0, 0.5, 0.5 }.SelectMany(BitConverter.GetBytes)]);
        Member("basename.npy", "{'descr': '<U5', 'fortran_order': False, 'shape': (), }", Encoding.UTF32.GetBytes("bench"));
    }

    /// <summary>An NPY 1.0 preamble: magic, version, header length, header padded to a multiple of 64 bytes.</summary>
    private static byte[] Npy(string header)
    {
        int total = (10 + header.Length + 1 + 63) / 64 * 64;
        string padded = header.PadRight(total - 10 - 1) + "\n";
        return [0x93, .. "NUMPY"u8, 1, 0, (byte)(padded.Length & 0xff), (byte)(padded.Length >> 8), .. Encoding.ASCII.GetBytes(padded)];
    }

    private static void WriteTrackMate(string path)
    {
        var b = Data.Value;
        var inv = CultureInfo.InvariantCulture;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrackMate version=\"7.11.1\">\n  <Model spatialunits=\"µm\" timeunits=\"sec\">\n");
        w.Write($"    <AllSpots nspots=\"{b.Length}\">\n      <SpotsInFrame frame=\"0\">\n");
        for (int i = 0; i < b.Length; i++)
        {
            var s = b[i];
            double q = 10 + i % 97;
            w.Write(string.Create(inv, $"        <Spot ID=\"{i}\" name=\"ID{i}\" STD_INTENSITY_CH1=\"{q * 0.37:0.000000}\" QUALITY=\"{q:0.0}\" POSITION_T=\"0.0\" "));
            w.Write(string.Create(inv, $"TOTAL_INTENSITY_CH1=\"{q * 113:0.0}\" CONTRAST_CH1=\"{q / 200:0.000000}\" ELLIPSE_MAJOR=\"{q / 9:0.000000}\" MAX_INTENSITY_CH1=\"{q * 3:0.0}\" "));
            w.Write(string.Create(inv, $"MEDIAN_INTENSITY_CH1=\"{q * 2:0.0}\" MIN_INTENSITY_CH1=\"{q:0.0}\" MEAN_INTENSITY_CH1=\"{q * 2.1:0.000000}\" SNR_CH1=\"{q / 7:0.000000}\" "));
            w.Write(string.Create(inv, $"FRAME=\"0\" RADIUS=\"{s.Radius * 0.5:0.0}\" VISIBILITY=\"1\" POSITION_X=\"{s.X * 0.5:0.0}\" POSITION_Y=\"{s.Y * 0.5:0.0}\" POSITION_Z=\"{s.Z * 2:0.0}\" />\n"));
        }
        w.Write("      </SpotsInFrame>\n    </AllSpots>\n    <AllTracks />\n    <FilteredTracks />\n  </Model>\n  <Settings>\n");
        w.Write("    <ImageData filename=\"bench.tif\" folder=\"\" width=\"6000\" height=\"6000\" nslices=\"64\" nframes=\"1\" pixelwidth=\"0.5\" pixelheight=\"0.5\" voxeldepth=\"2.0\" timeinterval=\"1.0\" />\n");
        w.Write("    <DetectorSettings DETECTOR_NAME=\"LOG_DETECTOR\" RADIUS=\"1.5\" TARGET_CHANNEL=\"1\" THRESHOLD=\"0.0\" />\n  </Settings>\n</TrackMate>\n");
    }
}
