namespace Coloc.Core.Matching.Exact;

/// <summary>
/// The points of one side of a channel pair grouped by equal scaled coordinates (z, y, x compared as doubles).
/// Points of one group have the same distance to every other point, so exact matching may solve the groups with
/// multiplicities instead of the points (n coincident points on each side: one edge instead of n²). Groups are
/// numbered in ascending (z, y, x) order (by <see cref="Of"/>); each group's members are local point indices in ascending order.
/// </summary>
internal sealed class CoincidentGroups
{
    private CoincidentGroups(int[] start, int[] members, (double[] Z, double[] Y, double[] X) coords)
    {
        Start = start;
        Members = members;
        Coords = coords;
    }

    /// <summary>Number of groups.</summary>
    public int Count => Start.Length - 1;

    /// <summary>True when every group has one member (no two points coincide).</summary>
    public bool AllSingle => Count == Members.Length;

    /// <summary>Start of each group's members in <see cref="Members"/>; <c>Start[Count]</c> is the number of points.</summary>
    public int[] Start { get; }

    /// <summary>Local point indices grouped by group.</summary>
    public int[] Members { get; }

    /// <summary>Scaled coordinates of each group, z,y,x (those of its members).</summary>
    public (double[] Z, double[] Y, double[] X) Coords { get; }

    /// <summary>Multiplicity (number of members) of group <paramref name="g"/>.</summary>
    public int Size(int g) => Start[g + 1] - Start[g];

    /// <summary>Groups the points (<paramref name="points"/>.Z[i], .Y[i], .X[i]), i = 0..n−1 (coordinates finite).</summary>
    public static CoincidentGroups Of((double[] Z, double[] Y, double[] X) points)
    {
        int n = points.Z.Length;
        var keys = new Key[n];
        var (z, y, x) = points;
        for (int i = 0; i < n; i++) keys[i] = new Key(z[i], y[i], x[i], i);
        keys.AsSpan().Sort(new KeyComparer());
        var order = new int[n];
        for (int t = 0; t < n; t++) order[t] = keys[t].Index;
        int count = 0;
        for (int t = 0; t < n; t++)
            if (t == 0 || !SamePoint(points, order[t - 1], order[t])) count++;
        var start = new int[count + 1];
        var gz = new double[count];
        var gy = new double[count];
        var gx = new double[count];
        int g = -1;
        for (int t = 0; t < n; t++)
        {
            int i = order[t];
            if (t == 0 || !SamePoint(points, order[t - 1], i))
            {
                g++;
                start[g] = t;
                gz[g] = z[i]; gy[g] = y[i]; gx[g] = x[i];
            }
        }
        start[count] = n;
        return new CoincidentGroups(start, order, (gz, gy, gx));
    }

    /// <summary>One group per point, in point order (no grouping; for comparisons with the grouped solver).</summary>
    public static CoincidentGroups Singles((double[] Z, double[] Y, double[] X) points)
    {
        int n = points.Z.Length;
        var start = new int[n + 1];
        var members = new int[n];
        for (int i = 0; i < n; i++) { start[i] = i; members[i] = i; }
        start[n] = n;
        return new CoincidentGroups(start, members, points);
    }

    private readonly record struct Key(double Z, double Y, double X, int Index);

    private readonly struct KeyComparer : IComparer<Key>
    {
        public int Compare(Key p, Key q)
        {
            int c = p.Z.CompareTo(q.Z);
            if (c != 0) return c;
            c = p.Y.CompareTo(q.Y);
            if (c != 0) return c;
            c = p.X.CompareTo(q.X);
            return c != 0 ? c : p.Index.CompareTo(q.Index);
        }
    }

    private static bool SamePoint((double[] Z, double[] Y, double[] X) p, int i, int j) =>
        p.Z[i] == p.Z[j] && p.Y[i] == p.Y[j] && p.X[i] == p.X[j];
}
