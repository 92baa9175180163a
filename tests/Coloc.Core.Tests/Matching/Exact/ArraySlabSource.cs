using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;

namespace Coloc.Core.Tests.Matching.Exact;

/// <summary>
/// An <see cref="ISlabSource"/> over an array for tests: blob i goes to the slab of its coordinate c along
/// <paramref name="axis"/> (0 = z, 1 = y, 2 = x) among the ascending <paramref name="cuts"/> (slab k:
/// cuts[k−1] ≤ c &lt; cuts[k]); each slab's rows are served in a shuffled order.
/// </summary>
internal sealed class ArraySlabSource(Blob[] blobs, double[] cuts, int seed, int axis = 0) : ISlabSource
{
    public int Axis => axis;

    public int SlabCount => cuts.Length + 1;

    public long BlobCount => blobs.Length;

    public IReadOnlyList<int> Channels => ChannelSelection.Of(blobs, null);

    public double MinCoordinate(int slab)
    {
        double m = double.PositiveInfinity;
        for (int i = 0; i < blobs.Length; i++) if (SlabOf(blobs[i][axis]) == slab) m = Math.Min(m, blobs[i][axis]);
        return m;
    }

    public SlabBlobs Read(int slab, int channel)
    {
        var ids = Enumerable.Range(0, blobs.Length)
            .Where(i => SlabOf(blobs[i][axis]) == slab && (int)blobs[i].Channel == channel).Select(i => (long)i).ToArray();
        new Random(seed + slab).Shuffle(ids);
        return new SlabBlobs(ids.Select(i => blobs[i]).ToArray(), ids);
    }

    private int SlabOf(double z)
    {
        int k = 0;
        while (k < cuts.Length && z >= cuts[k]) k++;
        return k;
    }
}
