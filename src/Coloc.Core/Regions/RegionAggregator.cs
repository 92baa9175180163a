namespace Coloc.Core.Regions;

/// <summary>
/// Per-region sums at an ontology level: one row per ontology region of level ≤ N (ascending id), each summing the
/// label rows of its whole subtree, both hemispheres — MagellanMapper's <c>volumes_by_id</c> with a maximum level
/// (<c>make_label_ids_set(ontology, lookup, max_level, True)</c>). Rows may overlap (a parent includes its children);
/// label 0 and ids outside the ontology are in no row.
/// </summary>
public static class RegionAggregator
{
    /// <summary>
    /// The membership matrix: for every region of level ≤ <paramref name="level"/> (ascending id), the indices into
    /// <paramref name="labels"/> (ascending label rows) it sums.
    /// </summary>
    public static (long Id, int[] Members)[] Groups(Ontology ontology, IReadOnlyList<long> labels, int level)
    {
        ArgumentNullException.ThrowIfNull(ontology);
        ArgumentNullException.ThrowIfNull(labels);
        var result = new List<(long, int[])>();
        foreach (var r in ontology.Regions)
        {
            if (r.Level > level) continue;
            var sub = ontology.Subtree(r.Id);
            var members = new List<int>();
            for (int i = 0; i < labels.Count; i++)
                if (labels[i] != 0 && sub.Contains(labels[i])) members.Add(i);
            result.Add((r.Id, [.. members]));
        }
        return [.. result];
    }

    /// <summary>Sums <paramref name="rows"/> (as from <see cref="RegionCounter.Count"/>) into the level rows.</summary>
    public static RegionRow[] Aggregate(Ontology ontology, IReadOnlyList<RegionRow> rows, int level)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = Groups(ontology, rows.Select(r => r.Label).ToArray(), level);
        int nb = rows.Count > 0 ? rows[0].Blobs.Length : 0, nm = rows.Count > 0 ? rows[0].Matches.Length : 0;
        var result = new RegionRow[groups.Length];
        for (int g = 0; g < groups.Length; g++)
        {
            long voxels = 0;
            var blobs = new long[nb];
            var matches = new long[nm];
            foreach (int i in groups[g].Members)
            {
                voxels += rows[i].Voxels;
                for (int k = 0; k < nb; k++) blobs[k] += rows[i].Blobs[k];
                for (int k = 0; k < nm; k++) matches[k] += rows[i].Matches[k];
            }
            result[g] = new RegionRow(groups[g].Id, voxels, blobs, matches);
        }
        return result;
    }
}
