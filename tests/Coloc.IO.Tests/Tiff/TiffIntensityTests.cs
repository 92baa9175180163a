using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.IO.Tiff;
using Coloc.TestKit;
using CsCheck;

namespace Coloc.IO.Tests.Tiff;

/// <summary>Intensity colocalization read lazily from a file (any layout) equals the same run on in-memory volumes.</summary>
public sealed class TiffIntensityTests
{
    [Fact]
    public void Run_FromTiffAnyLayout_EqualsInMemory()
    {
        var gen =
            from shape in Gen.Select(Gen.Int[1, 9], Gen.Int[1, 40], Gen.Int[1, 40], (z, y, x) => new ZyxInt(z, y, x))
            from seed in Gen.Int
            from layout in Gen.Int[0, 3]
            from n in Gen.Int[0, 60]
            select (shape, seed, layout, n);
        string dir = RepoPaths.NewTempDir();
        gen.Sample(c =>
        {
            var rng = new Random(c.seed);
            var data = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, (int)c.shape.Volume).Select(_ => (ushort)rng.Next(0, 4000)).ToArray()).ToArray();
            var blobs = Enumerable.Range(0, c.n).Select(i => new Blob(rng.NextDouble() * (c.shape.Z + 1) - 0.5, rng.NextDouble() * c.shape.Y,
                rng.NextDouble() * c.shape.X, 3, -1, -1, rng.Next(0, 2))).ToArray();
            var options = c.layout switch
            {
                0 => new TiffWriteOptions(),
                1 => new TiffWriteOptions { RowsPerStrip = 3 },
                2 => new TiffWriteOptions { TileSize = 16, Compression = TiffCompression.Lzw },
                _ => new TiffWriteOptions { BigTiff = true, Compression = TiffCompression.Deflate, RowsPerStrip = 7 },
            };
            string path = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".tif");   // Sample runs iterations in parallel
            TiffStackWriter.Write<ushort>(path, c.shape, 2, 1, (ch, z, _, dst) => data[ch].AsSpan(z * dst.Length, dst.Length).CopyTo(dst), options);
            var memory = data.Select(d => (IVolume<ushort>)new ArrayVolume<ushort>(c.shape, d)).ToArray();
            var want = IntensityColocalizer.Run(memory, blobs, new IntensityColocOptions { Threshold = IntensityThreshold.Percentile(5) });
            using var s = TiffStack.Open(path);
            // Two threads read both channels of one file at once (compressed layouts decode under the stack's lock).
            var got = IntensityColocalizer.Run([s.Channel<ushort>(0), s.Channel<ushort>(1)], blobs,
                new IntensityColocOptions { Threshold = IntensityThreshold.Percentile(5), Threads = 2 });
            Assert.Equal(want.Diagnostics, got.Diagnostics);
            Assert.Equal(want.Thresholds, got.Thresholds);
        }, iter: 60);
        Directory.Delete(dir, true);
    }
}
