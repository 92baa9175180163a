using Coloc.TestKit;

namespace Coloc.Cli.Tests.Images;

/// <summary>
/// <c>coloc detect</c> on one volume written by tifffile (plane folders, OME-TIFF) and h5py (Imaris .ims,
/// BigDataViewer .h5 and its .xml) gives the same blob file, byte for byte; a damaged one exits 2 with one line.
/// </summary>
public sealed class SameVolumeCliTests : IClassFixture<SameVolumeCliTests.Files>
{
    /// <summary>The generated images, once for the class.</summary>
    public sealed class Files
    {
        public ToolImages Images { get; } = ToolImages.Write(20, 40, 36);
    }

    private readonly ToolImages _img;

    public SameVolumeCliTests(Files files) => _img = files.Images;

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Detect_PlaneFolderOmeTiffImsAndBdv_ByteIdenticalBlobFiles()
    {
        string outDir = RepoPaths.NewTempDir();
        var inputs = new[] { _img.Planes, _img.OmeTiff, _img.Ims, _img.BdvH5, _img.BdvXml };
        var outputs = new List<byte[]>();
        foreach (var (input, i) in inputs.Select((p, i) => (p, i)))
        {
            string csv = Path.Combine(outDir, $"b{i}.csv");
            var r = Run("detect", "--image", input, "--out", csv, "--threads", "2");
            Assert.True(r.Code == ExitCodes.Ok, input + ": " + r.Err);
            outputs.Add(File.ReadAllBytes(csv));
        }
        // The voxel size (4, 2, 2) µm comes from each file: detection at 1 µm finds other blobs.
        string flat = Path.Combine(outDir, "flat.csv");
        Assert.Equal(ExitCodes.Ok, Run("detect", "--image", _img.OmeTiff, "--out", flat, "--resolution", "1,1,1").Code);
        Assert.NotEqual(outputs[0], File.ReadAllBytes(flat));
        Assert.True(File.ReadAllLines(Path.Combine(outDir, "b0.csv")).Length > 3);
        Assert.All(outputs, o => Assert.Equal(outputs[0], o));
    }

    [Theory]
    [InlineData("vol.ims")]
    [InlineData("vol.h5")]
    [InlineData("vol.ome.tif")]
    public void Detect_Truncated_OneLine_Exit2_NothingWritten(string name)
    {
        string dir = RepoPaths.NewTempDir();
        string path = Path.Combine(dir, name);
        var bytes = File.ReadAllBytes(Path.Combine(_img.Dir, name));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        string csv = Path.Combine(dir, "out.csv");
        var r = Run("detect", "--image", path, "--out", csv);
        Assert.Equal(2, r.Code);
        Assert.False(File.Exists(csv));
        Assert.Equal([path], Directory.GetFiles(dir));
        string line = Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(path + ":", line);
    }
}
