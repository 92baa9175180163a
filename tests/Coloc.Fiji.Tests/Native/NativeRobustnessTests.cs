using System.Globalization;
using System.Text.RegularExpressions;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.TestKit;

namespace Coloc.Fiji.Tests.Native;

/// <summary>libcoloc.so inside a real JVM: bad arguments become Java exceptions, large stacks are read in place.</summary>
[Collection(ImageJCollection.Name)]
public sealed class NativeRobustnessTests
{
    [Fact]
    public void Exports_1000BadCalls_EachThrowsAJavaExceptionAndTheJvmKeepsWorking()
    {
        var blobs = Path.Combine(RepoPaths.RepoRoot, "macros", "sample", "blobs.csv");
        var r = JavaHarness.Run("coloc.fijitest.FuzzNative", "512m", 300, "1000", "20261124", blobs);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("calls=1000 thrown=1000 good-after=OK", r.Stdout);
        Assert.DoesNotContain("NO EXCEPTION", r.Stdout);
        Assert.Contains("IllegalArgumentException=", r.Stdout);
    }

    [Fact]
    public void ControlBlock_CancelFlagSet_NativeCallsThrowCancellationAndProgressCompletes()
    {
        var blobs = Path.Combine(RepoPaths.RepoRoot, "macros", "sample", "blobs.csv");
        var r = JavaHarness.Run("coloc.fijitest.CancelCheck", "256m", 120, blobs);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("match=cancelled stats=cancelled progress=1.0", r.Stdout);
    }

    [Fact]
    public void ChannelStatistics_OneGibibyteStack_ReadsEveryPixelInPlaceWithoutCopying()
    {
        var r = JavaHarness.Run("coloc.fijitest.BigStack", "1400m", 600);
        Assert.True(r.ExitCode == 0, r.ToString());
        var m = Regex.Match(r.Stdout, @"stack_bytes=(\d+) copied_bytes=(\d+) rss_before=(\d+) rss_after=(\d+) rss_delta=(-?\d+) vm_hwm=(\d+) ms=(\d+) stats=(\w+)");
        Assert.True(m.Success, r.ToString());
        long Get(int g) => long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        Assert.Equal(1L << 30, Get(1));
        Assert.Equal("OK", m.Groups[8].Value);
        // The JVM pinned every plane (isCopy=false), and the process did not grow by anything near a copy of the stack:
        // a copy would add 1024 MiB of resident memory.
        Assert.Equal(0, Get(2));
        Assert.True(Get(5) < 64L << 20, $"RSS grew by {Get(5) >> 20} MiB during the native call: {r.Stdout}");
        Assert.True(Get(6) - Get(3) < 64L << 20, $"peak RSS exceeded the pre-call RSS by {(Get(6) - Get(3)) >> 20} MiB: {r.Stdout}");
    }
}
