using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Pipeline;
using CsCheck;
using Coloc.Core.Intensity;

namespace Coloc.Core.Tests.Intensity;

public class NeighbourhoodMeansTests
{
    [Fact]
    public void PairwiseSum_NineValues_EightPartialsThenRemainder()
    {
        double[] a = [1e16, 1, -1e16, 1, 1, 1, 1, 1, 1];
        // ((1e16+1)+(-1e16+1)) + ((1+1)+(1+1)) + 1 in NumPy's grouping: 1e16+1 rounds to 1e16.
        double expected = ((1e16 + 1) + (-1e16 + 1)) + ((1.0 + 1) + (1.0 + 1));
        expected += 1;
        Assert.Equal(expected, NeighbourhoodMeans.PairwiseSum(a));
    }

    [Fact]
    public void Compute_SingleBlobInFlatImage_MeanOfValueOverBall()
    {
        var v = ArrayVolume<ushort>.Zeros(new ZyxInt(5, 5, 5));
        Array.Fill(v.Data, (ushort)7);
        var img = new MultiChannelVolume<ushort>([v], Zyx.All(1));
        var means = NeighbourhoodMeans.Compute(img, [new Blob(2.9, 2, 2, 1, -1, -1, 0)], [0]);
        Assert.Equal(7.0, means[0]);
    }

    [Fact]
    public void Compute_TwoBlobsTruncatingToOneVoxel_EarlierGetsNaN()
    {
        var v = ArrayVolume<ushort>.Zeros(new ZyxInt(5, 5, 5));
        var img = new MultiChannelVolume<ushort>([v], Zyx.All(1));
        Blob[] blobs = [new(2, 2, 2, 1, -1, -1, 0), new(2.5, 2, 2, 1, -1, -1, 0)];
        var means = NeighbourhoodMeans.Compute(img, blobs, [0, 1]);
        Assert.True(double.IsNaN(means[0]));
        Assert.Equal(0.0, means[1]);
    }

    [Fact]
    public void Compute_RandomBlobs_EqualsDenseLabelDilationReference()
    {
        var gen = Gen.Select(Gen.Int[0, 1000], Gen.Int[1, 25]);
        gen.Sample((seed, nBlobs) =>
        {
            var rng = new Random(seed);
            var shape = new ZyxInt(rng.Next(1, 8), rng.Next(1, 9), rng.Next(1, 9));
            int nc = rng.Next(1, 4);
            var vols = Enumerable.Range(0, nc).Select(_ =>
            {
                var v = ArrayVolume<ushort>.Zeros(shape);
                for (int i = 0; i < v.Data.Length; i++) v.Data[i] = (ushort)rng.Next(1000);
                return (IVolume<ushort>)v;
            }).ToArray();
            var img = new MultiChannelVolume<ushort>(vols, Zyx.All(1));
            var blobs = Enumerable.Range(0, nBlobs).Select(_ => new Blob(
                rng.Next(shape.Z) + rng.NextDouble() * 0.9, rng.Next(shape.Y), rng.Next(shape.X), 1, -1, -1, rng.Next(nc)))
                .OrderBy(b => b, BlobOrder.Comparer).ToArray();
            var all = Enumerable.Range(0, blobs.Length).ToArray();
            var got = NeighbourhoodMeans.Compute(img, blobs, all);
            var want = DenseReference(img, blobs);
            return got.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(want.Select(BitConverter.DoubleToInt64Bits));
        }, iter: 300);
    }

    /// <summary>Spec §5.1 literally: label volume per channel (later index wins), grey dilation by the radius-2 ball, masked means in row-major order.</summary>
    private static double[] DenseReference(MultiChannelVolume<ushort> img, Blob[] blobs)
    {
        var s = img.Shape;
        int nc = img.Channels.Count;
        var result = new double[blobs.Length * nc];
        for (int ch = 0; ch < nc; ch++)
        {
            var label = new int[s.Volume];
            Array.Fill(label, -1);
            for (int i = 0; i < blobs.Length; i++)
                if ((int)blobs[i].Channel == ch)
                    label[Idx(s, (int)blobs[i].Z, (int)blobs[i].Y, (int)blobs[i].X)] = i;
            var dil = new int[s.Volume];
            for (int z = 0; z < s.Z; z++)
                for (int y = 0; y < s.Y; y++)
                    for (int x = 0; x < s.X; x++)
                    {
                        int m = -1;
                        for (int dz = -2; dz <= 2; dz++)
                            for (int dy = -2; dy <= 2; dy++)
                                for (int dx = -2; dx <= 2; dx++)
                                {
                                    if (dz * dz + dy * dy + dx * dx > 4) continue;
                                    int zz = z + dz, yy = y + dy, xx = x + dx;
                                    if ((uint)zz >= (uint)s.Z || (uint)yy >= (uint)s.Y || (uint)xx >= (uint)s.X) continue;
                                    m = Math.Max(m, label[Idx(s, zz, yy, xx)]);
                                }
                        dil[Idx(s, z, y, x)] = m;
                    }
            for (int i = 0; i < blobs.Length; i++)
            {
                if ((int)blobs[i].Channel != ch) continue;
                for (int c2 = 0; c2 < nc; c2++)
                {
                    var vals = new List<double>();
                    var vol = (ArrayVolume<ushort>)img.Channels[c2];
                    for (int k = 0; k < dil.Length; k++) if (dil[k] == i) vals.Add(vol.Data[k]);
                    result[i * nc + c2] = vals.Count == 0 ? double.NaN : NeighbourhoodMeans.PairwiseSum(vals.ToArray()) / vals.Count;
                }
            }
        }
        return result;
    }

    private static int Idx(ZyxInt s, int z, int y, int x) => (z * s.Y + y) * s.X + x;
}
