using Coloc.Core.Blobs;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.IO.Csv;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>Issue 14, items 2 and 7: guard rails (calibration, µm spellings, channels) and failures with exit codes.</summary>
[Collection(ImageJCollection.Name)]
public sealed class FijiGuardRailTests
{
    private static string WriteBlobs(string dir)
    {
        string blobs = Path.Combine(dir, "pairs.csv");
        BlobCsv.Write(blobs, [new Blob(2, 10, 10, 2, -1, -1, 0), new Blob(2, 10, 12, 2, -1, -1, 1)]);
        return blobs;
    }

    [Fact]
    public void UncalibratedImage_MicronTolerance_WarnsWhatIsAssumed()
    {
        using var ij = new ImageJHost();
        var r = ij.RunMacro($$"""
            newImage("plain", "8-bit black", 40, 40, 2, 5, 1);
            run("Match Blobs", "blobs=[{{WriteBlobs(ij.Dir)}}] tolerance=[3,3,3] unit=micron");
            print("rows=" + Table.size("Coloc Matches"));
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Coloc warning: the image has no spatial calibration", r.Stdout);
        Assert.Contains("1 µm per pixel", r.Stdout);
        Assert.Contains("rows=1", r.Stdout);
    }

    [Theory]
    [InlineData("micrometer")]
    [InlineData("microns")]
    [InlineData("um")]
    public void CalibrationUnit_EverySpellingOfMicrometre_IsAccepted(string unit)
    {
        using var ij = new ImageJHost();
        var r = ij.RunMacro($$"""
            newImage("cal", "8-bit black", 40, 40, 2, 5, 1);
            run("Properties...", "channels=2 slices=5 frames=1 unit={{unit}} pixel_width=0.5 pixel_height=0.5 voxel_depth=2");
            run("Match Blobs", "blobs=[{{WriteBlobs(ij.Dir)}}] tolerance=[3,3,3] unit=micron");
            print("rows=" + Table.size("Coloc Matches"));
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("rows=1", r.Stdout);
        Assert.DoesNotContain("no spatial calibration", r.Stdout);
    }

    [Fact]
    public void ChannelsTheImageLacks_OneLineAndExitCode2()
    {
        using var ij = new ImageJHost();
        var r = ij.RunMacro($$"""
            newImage("two", "8-bit black", 40, 40, 2, 5, 1);
            run("Match Blobs", "blobs=[{{WriteBlobs(ij.Dir)}}] channels=[1,3]");
            print("after");
            """, timeoutSeconds: 90);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("Match Blobs: channels: the image has 2 channel(s), no channel 3 (channels are 1-based)", r.Stdout);
        Assert.DoesNotContain("after", r.Stdout);
    }

    /// <summary>A shell script (as a cluster job would be) sees the failure of a Coloc command in its exit status.</summary>
    [Fact]
    public void ShellScript_BatchMacroWhoseColocCommandFails_GetsNonZeroExit()
    {
        using var ij = new ImageJHost();
        string macro = Path.Combine(ij.Dir, "fails.ijm"), script = Path.Combine(ij.Dir, "job.sh");
        File.WriteAllText(macro, """
            newImage("x", "8-bit black", 50, 40, 2, 5, 1);
            run("Detect Blobs", "channels=[5]");
            """);
        File.WriteAllText(script, $"""
            #!/usr/bin/env bash
            java -Xmx512m -Dplugins.dir="{ij.Dir}" -jar "{ImageJHost.IjJar}" -batch "{macro}"
            status=$?
            echo "imagej exit=$status"
            exit $status
            """);
        var r = ImageJHost.RunRetryingXvfbStart(["-k", "10", "120", "xvfb-run", "-a", "bash", script], ij.Dir);
        Assert.Contains("imagej exit=2", r.Stdout);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("Detect Blobs: channels: the image has 2 channel(s), no channel 5", r.Stdout);
    }
}
