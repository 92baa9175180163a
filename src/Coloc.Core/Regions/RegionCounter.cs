namespace Coloc.Core.Regions;

/// <summary>
/// Per-label sums of heat maps: for every id present in the labels image (0 and negative ids included), its voxel
/// count and the sum of each map over its voxels, as MagellanMapper's <c>np.sum(heat[labels == id])</c> per id
/// (sides are not combined). One pass over the labels; extra memory is one accumulator row per distinct id.
/// </summary>
public static class RegionCounter
{
    /// <summary>
    /// Rows in ascending label order. <paramref name="channelMaps"/> and <paramref name="pairMaps"/> must have the
    /// labels' shape; their sums go to <see cref="RegionRow.Blobs"/> and <see cref="RegionRow.Matches"/> in the given order.
    /// </summary>
    /// <exception cref="ArgumentException">A map whose shape differs from the labels'.</exception>
    public static RegionRow[] Count(LabelGrid labels, IReadOnlyList<HeatMap> channelMaps, IReadOnlyList<HeatMap> pairMaps)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var maps = channelMaps.Concat(pairMaps).ToArray();
        foreach (var m in maps)
            if (m.Shape != labels.Shape)
                throw new ArgumentException($"heat map shape {m.Shape} differs from the labels shape {labels.Shape}");

        int nm = maps.Length;
        var counts = new int[nm][];
        for (int k = 0; k < nm; k++) counts[k] = maps[k].CountsArray;
        var slotOf = new Dictionary<long, int>();
        var ids = new List<long>();
        var voxels = new long[16];
        var sums = new long[16 * nm];
        var ids0 = labels.Ids;
        long lastId = 0;
        int slot = -1;
        for (int i = 0; i < ids0.Length; i++)
        {
            long id = ids0[i];
            if (slot < 0 || id != lastId)
            {
                if (!slotOf.TryGetValue(id, out slot))
                {
                    slot = ids.Count;
                    slotOf.Add(id, slot);
                    ids.Add(id);
                    if (slot == voxels.Length)
                    {
                        Array.Resize(ref voxels, 2 * slot);
                        Array.Resize(ref sums, 2 * slot * nm);
                    }
                }
                lastId = id;
            }
            voxels[slot]++;
            int b = slot * nm;
            for (int k = 0; k < nm; k++) sums[b + k] += counts[k][i];
        }

        int nc = channelMaps.Count;
        var rows = new RegionRow[ids.Count];
        for (int s = 0; s < rows.Length; s++)
        {
            var blobs = new long[nc];
            var matches = new long[nm - nc];
            for (int k = 0; k < nm; k++)
            {
                if (k < nc) blobs[k] = sums[s * nm + k];
                else matches[k - nc] = sums[s * nm + k];
            }
            rows[s] = new RegionRow(ids[s], voxels[s], blobs, matches);
        }
        Array.Sort(rows, (a, b) => a.Label.CompareTo(b.Label));
        return rows;
    }
}
