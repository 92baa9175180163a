using Coloc.Core.Blobs;
using Coloc.Core.Matching;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// MagellanMapper's two-stage removal of matches found by more than one block (end of <c>colocalize_stack</c>, README,
/// Differences from MagellanMapper, D6): first on Blob1's z,y,x, then on Blob2's. A stage leaves the rows untouched
/// when no coordinate repeats; otherwise it returns the rows whose coordinate occurs once, ordered by coordinate,
/// followed by, for each repeated coordinate in ascending order, the first row with the smallest distance.
/// </summary>
public static class DuplicatePruner
{
    /// <summary>Prunes on Blob1, then on Blob2.</summary>
    public static MatchRow[] Prune(MatchRow[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length == 0) return rows;
        return PruneOn(PruneOn(rows, 1), 2);
    }

    /// <summary>One stage on side 1 (Blob1) or 2 (Blob2).</summary>
    public static MatchRow[] PruneOn(MatchRow[] rows, int side)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Blob Key(int i) => side == 1 ? rows[i].Blob1 : rows[i].Blob2;
        var order = new int[rows.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int c = Blob.CompareZyx(Key(a), Key(b));
            return c != 0 ? c : a.CompareTo(b);
        });

        var singles = new List<MatchRow>(rows.Length);
        var bestOfRepeats = new List<MatchRow>();
        for (int s = 0; s < order.Length;)
        {
            int e = s + 1;
            while (e < order.Length && Blob.CompareZyx(Key(order[s]), Key(order[e])) == 0) e++;
            if (e - s == 1)
            {
                singles.Add(rows[order[s]]);
            }
            else
            {
                int best = order[s];
                for (int k = s + 1; k < e; k++)
                    if (rows[order[k]].Distance < rows[best].Distance) best = order[k];
                bestOfRepeats.Add(rows[best]);
            }
            s = e;
        }
        if (bestOfRepeats.Count == 0) return rows;
        singles.AddRange(bestOfRepeats);
        return singles.ToArray();
    }
}
