using Coloc.Core.Geometry;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Cli.Tests;

/// <summary>
/// The reproducers of issue 17 run through the command line: each ends with exit 2, one line on stderr and nothing
/// written (no output file or folder), refused before the work starts.
/// </summary>
public sealed class HostileInputTests
{
    private static string SmallImage(string dir)
    {
        string tif = Path.Combine(dir, "small.tif");
        var vol = SyntheticVolumes.Render(new ZyxInt(6, 32, 32), 800, 200, [new PlantedSpot(3, 12, 15, 2, 2, 2, 40000)], 5);
        TiffStackWriter.Write<ushort>(tif, [vol], new TiffWriteOptions { ResolutionUm = Zyx.All(1) });
        return tif;
    }

    private static void AssertRefused(string dir, string output, string mention, params string[] args)
    {
        var err = new StringWriter();
        int code = Program.Run(args, new StringWriter(), err);
        string e = err.ToString();
        Assert.True(code == ExitCodes.BadInput, $"exit {code}: {e}");
        Assert.Single(e.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("coloc: ", e);
        Assert.Contains(mention, e);
        Assert.False(File.Exists(output) || Directory.Exists(output), $"{output} was written");
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(dir), p => p.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("detect", "max_sigma_factor=1e6", "kernel radius")]
    [InlineData("run", "max_sigma_factor=1e6", "kernel radius")]
    [InlineData("plan", "max_sigma_factor=1e6", "kernel radius")]
    [InlineData("detect", "num_sigma=100000", "--max-sigmas")]
    [InlineData("detect", "isotropic=100,100,100", "isotropic")]
    [InlineData("detect", "isotropic=1e6,1,1", "isotropic")]
    public void ProfileSetting_Hostile_RefusedBeforeWork(string command, string setting, string mention)
    {
        string dir = RepoPaths.NewTempDir();
        string tif = SmallImage(dir), output = Path.Combine(dir, command == "detect" ? "out.csv" : "out");
        AssertRefused(dir, output, mention, command, "--image", tif, "--out", output, "--profile-set", setting);
    }

    [Theory]
    [InlineData("--resolution", "1e-300,1e-300,1e-300", "kernel radius")]
    [InlineData("--resolution", "0.0001,0.0001,0.0001", "kernel radius")]
    [InlineData("--max-memory", "1K", "--max-memory")]
    [InlineData("--max-memory", "lots", "--max-memory")]
    [InlineData("--threads", "2147483647", "--threads")]
    [InlineData("--block-size", "1,1,1", "--block-size")]
    public void Detect_HostileOption_RefusedBeforeWork(string flag, string value, string mention)
    {
        string dir = RepoPaths.NewTempDir();
        string tif = SmallImage(dir), output = Path.Combine(dir, "out.csv");
        AssertRefused(dir, output, mention, "detect", "--image", tif, "--out", output, flag, value);
    }

    [Fact]
    public void Match_ThreadsBeyondInt_RefusedWithoutOutputFolder()
    {
        string dir = RepoPaths.NewTempDir();
        string csv = Path.Combine(dir, "b.csv"), output = Path.Combine(dir, "out");
        File.WriteAllText(csv, "z,y,x,radius,confirmed,truth,channel\n1,1,1,1,-1,-1,0\n1,1,1,1,-1,-1,1\n");
        AssertRefused(dir, output, "--threads", "match", "--blobs", csv, "--out", output, "--shape", "5,5,5", "--threads", "2147483647");
    }

    /// <summary>A tiny TIFF whose header claims 2³¹−1 rows, or 40000² pixels, in a few hundred bytes.</summary>
    [Theory]
    [InlineData(1, int.MaxValue)]
    [InlineData(40000, 40000)]
    [InlineData(3000, 3000)]
    public void Tiff_HeaderClaimingMoreThanTheFileHolds_Refused(int width, int height)
    {
        string dir = RepoPaths.NewTempDir();
        string tif = Path.Combine(dir, "claims.tif");
        File.WriteAllBytes(tif, TinyTiff(width, height, new byte[16]));
        foreach (var cmd in new[] { "detect", "intensity" })
        {
            string output = Path.Combine(dir, "out.csv");
            string[] args = cmd == "detect"
                ? ["detect", "--image", tif, "--out", output]
                : ["intensity", "--image", tif, "--blobs", WriteBlobs(dir), "--out", output];
            AssertRefused(dir, output, "claims.tif", args);
        }
    }

    private static string WriteBlobs(string dir)
    {
        string csv = Path.Combine(dir, "blobs.csv");
        File.WriteAllText(csv, "z,y,x,radius,confirmed,truth,channel\n0,0,0,1,-1,-1,0\n");
        return csv;
    }

    /// <summary>A little-endian classic TIFF of one uncompressed 16-bit strip holding <paramref name="data"/>.</summary>
    internal static byte[] TinyTiff(int width, int height, byte[] data)
    {
        var entries = new (ushort Tag, ushort Type, uint Value)[]
        {
            (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, 16), (259, 3, 1), (262, 3, 1), (273, 4, 0),
            (277, 3, 1), (278, 4, (uint)height), (279, 4, (uint)data.Length),
        };
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("II*\0"u8.ToArray());
        w.Write(8u);
        w.Write((ushort)entries.Length);
        uint dataOffset = (uint)(8 + 2 + entries.Length * 12 + 4);
        foreach (var (tag, type, value) in entries)
        {
            w.Write(tag);
            w.Write(type);
            w.Write(1u);
            uint v = tag == 273 ? dataOffset : value;
            if (type == 3) { w.Write((ushort)v); w.Write((ushort)0); }
            else w.Write(v);
        }
        w.Write(0u);
        w.Write(data);
        return ms.ToArray();
    }
}
