using Coloc.Core.Blobs;
using Coloc.Core.Geometry;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// Which blobs of which channel lie in which block, as ascending blob indices (so each block sees its blobs in input
/// order, as MagellanMapper's masks do) — built in one pass without copying the blob table per block.
/// </summary>
internal sealed class BlockMembership
{
    private readonly List<int>[][] _lists; // [block][channelSlot]

    public BlockMembership(ReadOnlySpan<Blob> blobs, Block[] blocks, int[] channels, MagmapBlockGeometry geometry)
    {
        _lists = new List<int>[blocks.Length][];
        for (int b = 0; b < blocks.Length; b++)
        {
            _lists[b] = new List<int>[channels.Length];
            for (int c = 0; c < channels.Length; c++) _lists[b][c] = [];
        }
        if (blocks.Length == 0) return;
        var slot = new Dictionary<int, int>();
        for (int c = 0; c < channels.Length; c++) slot[channels[c]] = c;
        var last = blocks[^1].Coord;
        var n = new Geometry.ZyxInt(last.Z + 1, last.Y + 1, last.X + 1);
        var mp = geometry.MaxPixels;
        var ov = geometry.CollocOverlap;
        Span<int> lo = stackalloc int[3];
        Span<int> hi = stackalloc int[3];
        for (int i = 0; i < blobs.Length; i++)
        {
            var blob = blobs[i];
            int ch = (int)blob.Channel;
            if (blob.Channel != ch || !slot.TryGetValue(ch, out int s)) continue;
            bool any = true;
            for (int a = 0; a < 3 && any; a++)
            {
                double c = blob.Center[a];
                // Blocks whose half-open range [k*mp, k*mp+mp+ov) can hold c.
                lo[a] = (int)Math.Max(0, Math.Floor((c - mp[a] - ov[a]) / mp[a]));
                hi[a] = (int)Math.Min(n[a] - 1, Math.Floor(c / mp[a]));
                any = c >= 0 && lo[a] <= hi[a];
            }
            if (!any) continue;
            for (int z = lo[0]; z <= hi[0]; z++)
                for (int y = lo[1]; y <= hi[1]; y++)
                    for (int x = lo[2]; x <= hi[2]; x++)
                    {
                        int b = (z * n.Y + y) * n.X + x;
                        if (blocks[b].Box.Contains(blob.Center)) _lists[b][s].Add(i);
                    }
        }
    }

    /// <summary>Indices of the blobs of channel slot <paramref name="channelSlot"/> in block <paramref name="block"/>.</summary>
    public List<int> Of(int block, int channelSlot) => _lists[block][channelSlot];
}
