namespace Coloc.Core.Matching;

/// <summary>Dense scaled-distance matrices, computed bit-identically to SciPy's <c>cdist</c> (see <see cref="MagmapTolerance.Distance"/>).</summary>
internal static class DistanceMatrix
{
    /// <summary>Fills <paramref name="cost"/> (row-major, rows × cols) with the distance of each row blob to each column blob.</summary>
    public static void Fill(ScaledCoords p, List<int> rows, ReadOnlySpan<int> cols, Span<double> cost)
    {
        int m = cols.Length;
        var cz = new double[m];
        var cy = new double[m];
        var cx = new double[m];
        for (int j = 0; j < m; j++)
        {
            cz[j] = p.Z[cols[j]];
            cy[j] = p.Y[cols[j]];
            cx[j] = p.X[cols[j]];
        }
        for (int i = 0; i < rows.Count; i++)
        {
            int r = rows[i];
            double rz = p.Z[r], ry = p.Y[r], rx = p.X[r];
            var row = cost.Slice(i * m, m);
            for (int j = 0; j < m; j++)
            {
                double dz = rz - cz[j];
                double dy = ry - cy[j];
                double dx = rx - cx[j];
                double s = dz * dz;
                s += dy * dy;
                s += dx * dx;
                row[j] = Math.Sqrt(s);
            }
        }
    }
}
