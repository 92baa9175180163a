using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using CsCheck;

namespace Coloc.Core.Tests.Intensity;

public sealed class IntensityColocalizerTests
{
    private static readonly ZyxInt Shape5 = new(5, 5, 5);

    private static Blob B(double z, double y, double x, int channel) => new(z, y, x, 3, -1, -1, channel);

    private static ArrayVolume<ushort> Vol(ZyxInt shape, Func<int, int, int, int> f)
    {
        var v = ArrayVolume<ushort>.Zeros(shape);
        for (int z = 0; z < shape.Z; z++)
        for (int y = 0; y < shape.Y; y++)
        for (int x = 0; x < shape.X; x++)
            v[z, y, x] = (ushort)f(z, y, x);
        return v;
    }

    [Fact]
    public void Run_CentredBlobOnLinearRamp_MeanIsCentreValue()
    {
        // A symmetric ball over a linear function averages to the centre value: 100·2 + 10·2 + 2 = 222.
        var image = new IVolume<ushort>[] { Vol(Shape5, (z, y, x) => 100 * z + 10 * y + x), Vol(Shape5, (_, _, _) => 7) };
        var r = IntensityColocalizer.Run(image, [B(2.9, 2.5, 2.1, 0)]);
        Assert.Equal(222.0, r.Diagnostics.Single(d => d.OtherChannel == 0).MeanIntensityInOther);
        Assert.Equal(222.0, r.Thresholds[0]);
        Assert.Null(r.Thresholds[1]);            // no ch1 blobs: no threshold, column stays 0
        Assert.Equal((byte)1, r.Flag(0, 0));
        Assert.Equal((byte)0, r.Flag(0, 1));
        Assert.Single(r.Diagnostics);
    }

    [Fact]
    public void Run_CornerBlob_RegionClippedTo11Voxels()
    {
        // Ball offsets with all of dz,dy,dx ≥ 0: centre, 3 at 1, 3 at √2, 1 at √3, 3 at 2 = 11 voxels. On the ramp
        // 100z+10y+x they hold 0,100,10,1,110,101,11,111,200,20,2 (sum 666).
        var image = new IVolume<ushort>[] { Vol(Shape5, (z, y, x) => 100 * z + 10 * y + x) };
        var r = IntensityColocalizer.Run(image, [B(0, 0, 0, 0)]);
        Assert.Equal(666.0 / 11, r.Diagnostics[0].MeanIntensityInOther);
    }

    [Fact]
    public void Run_NeighbourOneVoxelLater_EarlierKeeps13Voxels()
    {
        // Blob 1 one voxel further in x wins the shared voxels; blob 0 keeps 13 of its 33 (hand count in the docs).
        var image = new IVolume<ushort>[] { Vol(Shape5, (z, y, x) => x < 2 ? 100 : 0) };
        var both = IntensityColocalizer.Run(image, [B(2, 2, 2, 0), B(2, 2, 3, 0)]);
        // blob 0's 13 voxels: 4 at x=2 (value 0), 8 at x=1, 1 at x=0 (value 100) → 900/13.
        Assert.Equal(900.0 / 13, both.Diagnostics[0].MeanIntensityInOther);
        // blob 1 (x = 3): 32 voxels in the image (x = 5 is outside), one of them at x = 1 → 100/32, the minimum.
        Assert.Equal(100.0 / 32, both.Diagnostics[1].MeanIntensityInOther);
        Assert.Equal(100.0 / 32, both.Thresholds[0]);
        Assert.Equal((byte)1, both.Flag(0, 0));
        Assert.Equal((byte)1, both.Flag(1, 0));
    }

    [Fact]
    public void Run_TwoSameChannelBlobsOnOneVoxel_NanThresholdDisablesChannel()
    {
        var image = new IVolume<ushort>[] { Vol(Shape5, (_, _, _) => 500), Vol(Shape5, (_, _, _) => 500) };
        var blobs = new[] { B(2.2, 2, 2, 0), B(2.7, 2.9, 2, 0), B(1, 1, 1, 1) };
        var r = IntensityColocalizer.Run(image, blobs);
        Assert.True(double.IsNaN(r.Thresholds[0]!.Value));
        Assert.True(double.IsNaN(r.Diagnostics[0].MeanIntensityInOther));   // blob 0: empty region
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal((byte)0, r.Flag(i, 0)));
        Assert.Equal((byte)1, r.Flag(1, 1));   // blob 1 still bright in ch1
        Assert.Equal((byte)1, r.Flag(2, 1));
    }

    [Fact]
    public void Run_BlobOutsideImage_ZerosAndNotInRoi()
    {
        var image = new IVolume<ushort>[] { Vol(Shape5, (_, _, _) => 9) };
        var r = IntensityColocalizer.Run(image, [B(5, 0, 0, 0), B(-0.5, 1, 1, 0), B(4.99, 4.99, 4.99, 0)]);
        Assert.Equal(new[] { false, false, true }, r.InRoi);
        Assert.Equal((byte)0, r.Flag(0, 0));
        Assert.Equal((byte)1, r.Flag(2, 0));
    }

    [Fact]
    public void Run_Percentile_LinearInterpolationOverUnion()
    {
        // One blob at the centre of a 5³ volume covers 33 voxels; the values there are 0..32 in row-major order.
        var shape = Shape5;
        var order = new List<(int, int, int)>();
        for (int z = 0; z < 5; z++) for (int y = 0; y < 5; y++) for (int x = 0; x < 5; x++)
            if ((z - 2) * (z - 2) + (y - 2) * (y - 2) + (x - 2) * (x - 2) <= 4) order.Add((z, y, x));
        var image = new IVolume<ushort>[] { Vol(shape, (z, y, x) => order.IndexOf((z, y, x)) is var i and >= 0 ? i : 1000) };
        var r = IntensityColocalizer.Run(image, [B(2, 2, 2, 0)], new IntensityColocOptions { Threshold = IntensityThreshold.Percentile(5) });
        Assert.Equal(32 * 0.05, r.Thresholds[0]);   // (n−1)·p = 1.6 → 1 + 1·0.6
        Assert.Equal(16.0, r.Diagnostics[0].MeanIntensityInOther);
    }

    [Fact]
    public void Run_BlobChannelNotInImage_Throws()
    {
        var image = new IVolume<ushort>[] { Vol(Shape5, (_, _, _) => 1) };
        var e = Assert.Throws<ArgumentException>(() => IntensityColocalizer.Run(image, [B(1, 1, 1, 1)]));
        Assert.Contains("blob 0: channel 1", e.Message);
    }

    private static readonly Gen<(ZyxInt Shape, ushort[][] Data, Blob[] Blobs, double? Pct)> Cases =
        from shape in Gen.Select(Gen.Int[1, 7], Gen.Int[1, 7], Gen.Int[1, 7], (z, y, x) => new ZyxInt(z, y, x))
        from nc in Gen.Int[1, 3]
        from data in Gen.UShort[0, 50].Array[(int)shape.Volume].Array[nc]
        from blobs in Gen.Select(Gen.Double[-1, shape.Z + 0.5], Gen.Double[-1, shape.Y + 0.5], Gen.Double[-1, shape.X + 0.5], Gen.Int[0, nc - 1],
                (z, y, x, c) => B(Math.Round(z, 1), Math.Round(y, 1), Math.Round(x, 1), c)).Array[0, 14]
        from pct in Gen.OneOf(Gen.Const((double?)null), Gen.Double[0, 100].Select(p => (double?)p))
        select (shape, data, blobs, pct);

    [Fact]
    public void Run_RandomVolumes_EqualsWholeVolumeTranscription()
    {
        Cases.Sample(c =>
        {
            var image = c.Data.Select(d => (IVolume<ushort>)new ArrayVolume<ushort>(c.Shape, d)).ToArray();
            var rule = c.Pct is { } p ? IntensityThreshold.Percentile(p) : IntensityThreshold.Min;
            var got = IntensityColocalizer.Run(image, c.Blobs, new IntensityColocOptions { Threshold = rule });
            var want = NaiveColocalizeBlobs.Run(c.Shape, c.Data.Select(d => d.Select(v => (double)v).ToArray()).ToArray(), c.Blobs, c.Pct);
            Assert.Equal(want.InRoi, got.InRoi);
            for (int i = 0; i < c.Blobs.Length; i++)
            for (int ch = 0; ch < c.Data.Length; ch++)
                Assert.Equal(want.Flags[i, ch], got.Flag(i, ch));
            for (int ch = 0; ch < c.Data.Length; ch++)
            {
                if (want.Thresholds[ch] is not { } w) { Assert.Null(got.Thresholds[ch]); continue; }
                double g = got.Thresholds[ch]!.Value;
                Assert.True(double.IsNaN(w) ? double.IsNaN(g) : Math.Abs(w - g) <= 1e-12 * Math.Max(1, Math.Abs(w)), $"threshold {ch}: {w} vs {g}");
            }
        }, iter: 300);
    }

    [Fact]
    public void Run_TwoThreads_SameDiagnosticsAsOne()
    {
        Cases.Sample(c =>
        {
            var image = c.Data.Select(d => (IVolume<ushort>)new ArrayVolume<ushort>(c.Shape, d)).ToArray();
            var one = IntensityColocalizer.Run(image, c.Blobs);
            var two = IntensityColocalizer.Run(image, c.Blobs, new IntensityColocOptions { Threads = 2 });
            Assert.Equal(one.Diagnostics, two.Diagnostics);
            Assert.Equal(one.Thresholds, two.Thresholds);
        }, iter: 100);
    }

    [Fact]
    public void Run_ChannelSubset_SameFlagsForKeptChannels()
    {
        Cases.Where(c => c.Data.Length >= 2).Sample(c =>
        {
            var image = c.Data.Select(d => (IVolume<ushort>)new ArrayVolume<ushort>(c.Shape, d)).ToArray();
            var all = IntensityColocalizer.Run(image, c.Blobs);
            var sub = IntensityColocalizer.Run(image, c.Blobs, new IntensityColocOptions { Channels = [0, 1] });
            for (int i = 0; i < c.Blobs.Length; i++)
            for (int ch = 0; ch < c.Data.Length; ch++)
            {
                bool kept = ch <= 1 && (int)c.Blobs[i].Channel <= 1;
                Assert.Equal(kept ? all.Flag(i, ch) : (byte)0, sub.Flag(i, ch));
            }
        }, iter: 200);
    }
}
