using System.IO.Compression;
using System.Text;
using Coloc.Cli;
using Coloc.IO.Blobs;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Blobs;

/// <summary>
/// Every blob reader on damaged, truncated or unsupported input, through <c>coloc blobs</c>: exit 2, one line on
/// stderr naming the file and the problem, and nothing written (no output, no staging file).
/// </summary>
public sealed class BlobReadErrorTests
{
    /// <summary>A valid 3-point ROI with counters and per-point positions, as our writer (ImageJ's layout) encodes it.</summary>
    private static byte[] Roi() => new ImageJPointRoi("p", [1, 2, 3], [4, 5, 6], [0, 1, 0], [1, 2, 3]).Encode();

    private static byte[] Zip(params (string Name, byte[] Data)[] members)
    {
        using var ms = new MemoryStream();
        using (var z = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, data) in members)
            {
                using var s = z.CreateEntry(name, CompressionLevel.NoCompression).Open();
                s.Write(data);
            }
        return ms.ToArray();
    }

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    private static readonly string TrackMate = """
        <?xml version="1.0" encoding="UTF-8"?>
        <TrackMate version="7.11.1"><Model spatialunits="µm" timeunits="sec"><AllSpots nspots="1"><SpotsInFrame frame="0">
        <Spot ID="1" name="ID1" QUALITY="1.0" FRAME="0" RADIUS="1.0" POSITION_X="2.0" POSITION_Y="3.0" POSITION_Z="4.0" />
        </SpotsInFrame></AllSpots></Model>
        <Settings><ImageData filename="a.tif" folder="" width="10" height="10" nslices="10" nframes="1" pixelwidth="0.5" pixelheight="0.5" voxeldepth="2.0" timeinterval="1.0" /></Settings>
        </TrackMate>
        """;

    private static readonly string CellCounter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CellCounter_Marker_File><Image_Properties><Image_Filename>a.tif</Image_Filename></Image_Properties>
        <Marker_Data><Current_Type>1</Current_Type><Marker_Type><Type>1</Type><Name>Type 1</Name>
        <Marker><MarkerX>10</MarkerX><MarkerY>20</MarkerY><MarkerZ>1</MarkerZ></Marker></Marker_Type></Marker_Data></CellCounter_Marker_File>
        """;

    public static TheoryData<string, string, string> Cases() => new()
    {
        // file name, case (see Make), what the message says
        { "cut.roi", "roi-coordinates-cut", "says 3 points but holds 80 bytes" },
        { "cut2.roi", "roi-header2-cut", "ImageJ ROI cut short" },
        { "rect.roi", "roi-rectangle", "ImageJ ROI of type 1, not a point ROI (type 10)" },
        { "counters.roi", "roi-counters-cut", "counters run past the end" },
        { "short.roi", "roi-short", "not an ImageJ ROI" },
        { "RoiSet.zip", "roiset-bad-member", "RoiSet.zip:b.roi: not an ImageJ ROI" },
        { "RoiSet.zip", "zip-cut", "not a readable ZIP archive" },
        { "other.zip", "zip-other", "neither .npy members (MagellanMapper archive) nor .roi members" },
        { "a_blobs.npz", "npz-cut", "not a readable ZIP archive" },
        { "a_blobs.npz", "npz-short-segments", "member segments.npy" },
        { "a_blobs.npz", "npz-text-segments", "segments" },
        { "a.npy", "npy", "a single .npy array, not a blob archive" },
        { "tm.xml", "trackmate-cut", "damaged XML" },
        { "tm.xml", "trackmate-dtd", "document type definition" },
        { "tm.xml", "trackmate-no-x", "spot without POSITION_X" },
        { "tm.xml", "trackmate-no-calibration", "without a positive ImageData pixelwidth/pixelheight/voxeldepth" },
        { "cc.xml", "cellcounter-bad-x", "MarkerX 'ten' is not a finite number" },
        { "cc.xml", "cellcounter-cut", "damaged XML" },
        { "other.xml", "xml-other", "neither TrackMate" },
        { "b.csv", "csv-header", "header lacks column 'radius'" },
        { "b.csv", "csv-row", "b.csv:2:" },
        { "b.csv", "empty", "empty file" },
        { "b.bin", "binary", "binary file of no blob format" },
        { "none.csv", "missing", "blob file not found" },
    };

    private static void Make(string path, string kind)
    {
        byte[] roi = Roi();
        string tm = TrackMate, cc = CellCounter;
        switch (kind)
        {
            case "roi-coordinates-cut": File.WriteAllBytes(path, roi[..80]); break;
            case "roi-header2-cut": File.WriteAllBytes(path, roi[..(64 + 36 + 20)]); break;
            case "roi-rectangle": roi[6] = 1; File.WriteAllBytes(path, roi); break;
            case "roi-counters-cut": File.WriteAllBytes(path, roi[..^4]); break;
            case "roi-short": File.WriteAllBytes(path, roi[..20]); break;
            case "roiset-bad-member": File.WriteAllBytes(path, Zip(("a.roi", roi), ("b.roi", Text("not a roi at all, but long enough to pass the 64-byte header size check.")))); break;
            case "zip-cut": File.WriteAllBytes(path, Zip(("a.roi", roi), ("b.roi", roi))[..150]); break;
            case "zip-other": File.WriteAllBytes(path, Zip(("readme.txt", Text("hello")))); break;
            case "npz-cut":
            case "npz-short-segments":
            case "npz-text-segments":
                ExternalTool.Python3("""
                    import io, sys, zipfile, numpy as np
                    kind = sys.argv[2]
                    b = io.BytesIO()
                    if kind == "npz-text-segments":
                        np.save(b, np.array(["a", "b"]))
                    else:
                        np.lib.format.write_array_header_1_0(b, {'descr': '<f8', 'fortran_order': False, 'shape': (1000, 7)})
                        b.write(np.zeros((2 if kind == "npz-short-segments" else 1000, 7)).tobytes())
                    with zipfile.ZipFile(sys.argv[1], 'w') as z:
                        z.writestr('segments.npy', b.getvalue())
                    if kind == "npz-cut":
                        data = open(sys.argv[1], 'rb').read()
                        open(sys.argv[1], 'wb').write(data[:len(data) // 2])
                    """, path, kind);
                break;
            case "npy": File.WriteAllBytes(path, [0x93, .. "NUMPY"u8, 1, 0, 0x76, 0, .. Text("{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }".PadRight(117) + "\n")]); break;
            case "trackmate-cut": File.WriteAllText(path, tm[..(tm.Length / 2)]); break;
            case "trackmate-dtd": File.WriteAllText(path, tm.Replace("<TrackMate ", "<!DOCTYPE TrackMate [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<TrackMate ", StringComparison.Ordinal)); break;
            case "trackmate-no-x": File.WriteAllText(path, tm.Replace("POSITION_X=\"2.0\" ", "", StringComparison.Ordinal)); break;
            case "trackmate-no-calibration": File.WriteAllText(path, tm.Replace("voxeldepth=\"2.0\" ", "", StringComparison.Ordinal)); break;
            case "cellcounter-bad-x": File.WriteAllText(path, cc.Replace("<MarkerX>10<", "<MarkerX>ten<", StringComparison.Ordinal)); break;
            case "cellcounter-cut": File.WriteAllText(path, cc[..(cc.Length - 40)]); break;
            case "xml-other": File.WriteAllText(path, "<?xml version=\"1.0\"?>\n<svg><circle/></svg>\n"); break;
            case "csv-header": File.WriteAllText(path, "z,y,x\n1,2,3\n"); break;
            case "csv-row": File.WriteAllText(path, "z,y,x,radius,confirmed,truth,channel\n1,2,three,1,1,1,0\n"); break;
            case "empty": File.WriteAllText(path, ""); break;
            case "binary": File.WriteAllBytes(path, [1, 2, 0, 3, 0, 0, 7]); break;
            case "missing": break;
            default: throw new ArgumentException(kind);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_blob_file_is_one_line_exit_2_and_nothing_written(string name, string kind, string says)
    {
        string dir = RepoPaths.NewTempDir(), input = Path.Combine(dir, name);
        Make(input, kind);
        foreach (var ext in new[] { ".csv", ".roi", ".zip", ".xml" })
        {
            string output = Path.Combine(dir, "out" + ext);
            AssertRefused(dir, output, input, says, "blobs", "--in", input, "--out", output);
        }
    }

    [Theory]
    [InlineData("out.roi", "0,1,2,0,1,1,100", new string[0], "beyond ImageJ's multipoint counters (0-99)")]
    [InlineData("out.roi", "0,1,2,0,1,1,2", new[] { "--roi-channels", "2" }, "not one of the 2 channels of the stack")]
    [InlineData("out.zip", "-3,1,2,0,1,1,0", new string[0], "cannot be an ImageJ stack position")]
    [InlineData("out.txt", "0,1,2,0,1,1,0", new string[0], "cannot write blobs as '.txt'")]
    public void Blobs_that_do_not_fit_the_output_format_are_refused_and_nothing_written(string outName, string row, string[] options, string says)
    {
        string dir = RepoPaths.NewTempDir(), input = Path.Combine(dir, "b.csv"), output = Path.Combine(dir, outName);
        File.WriteAllLines(input, ["z,y,x,radius,confirmed,truth,channel", "1,1,1,0,1,1,0", row]);
        AssertRefused(dir, output, output, says, ["blobs", "--in", input, "--out", output, .. options]);
    }

    private static void AssertRefused(string dir, string output, string names, string says, params string[] args)
    {
        var err = new StringWriter();
        int code = Program.Run(args, TextWriter.Null, err);
        string e = err.ToString();
        Assert.True(code == ExitCodes.BadInput, $"exit {code}: {e}");
        Assert.Single(e.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("coloc: " + names, e, StringComparison.Ordinal);
        Assert.Contains(says, e, StringComparison.Ordinal);
        Assert.False(File.Exists(output), $"{output} was written");
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(dir), p => p.EndsWith(".tmp", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("out", StringComparison.Ordinal));
    }
}
