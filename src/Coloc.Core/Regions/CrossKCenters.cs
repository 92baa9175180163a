namespace Coloc.Core.Regions;

/// <summary>
/// Channel a's blobs prepared once for <see cref="CrossKFunction.K(CrossKCenters, ReadOnlySpan{Coloc.Core.Blobs.Blob})"/>:
/// their positions in µm and region rows, bucketed into cubic cells of edge a little over r_max (doubled while the
/// cell table would exceed four entries per blob), with an empty margin of one cell on every side, so the blobs within
/// r_max of any point lie in 9 runs of consecutive cells. Read-only once built: shared by the permutations' threads.
/// </summary>
public sealed class CrossKCenters
{
    internal CrossKCenters(double[] z, double[] y, double[] x, int[] label, long[] countPerRow, double maxUm)
    {
        CountPerRow = countPerRow;
        int n = z.Length;
        if (n == 0)
        {
            (Z, Y, X, Label, CellStart) = ([], [], [], [], [0]);
            return;
        }
        (MinZ, MinY, MinX) = (z.Min(), y.Min(), x.Min());
        // A little over r_max, so two points at most r_max apart are never two cells apart after rounding.
        double edge = maxUm * (1 + 1e-6);
        while (Cells(z.Max() - MinZ, edge) * Cells(y.Max() - MinY, edge) * Cells(x.Max() - MinX, edge) > Math.Max(4096.0, 4.0 * n)) edge *= 2;
        Edge = edge;
        (CellsZ, CellsY, CellsX) = ((int)Cells(z.Max() - MinZ, edge), (int)Cells(y.Max() - MinY, edge), (int)Cells(x.Max() - MinX, edge));
        var key = new int[n];
        CellStart = new int[CellsZ * CellsY * CellsX + 1];
        for (int i = 0; i < n; i++)
        {
            key[i] = ((Cell(z[i], MinZ) * CellsY) + Cell(y[i], MinY)) * CellsX + Cell(x[i], MinX);
            CellStart[key[i] + 1]++;
        }
        for (int c = 0; c + 1 < CellStart.Length; c++) CellStart[c + 1] += CellStart[c];
        var fill = CellStart[..^1];
        (Z, Y, X, Label) = (new double[n], new double[n], new double[n], new int[n]);
        for (int i = 0; i < n; i++)
        {
            int k = fill[key[i]]++;
            (Z[k], Y[k], X[k], Label[k]) = (z[i], y[i], x[i], label[i]);
        }
    }

    /// <summary>Channel a's blobs in labels (region rows, or ontology groups) per row.</summary>
    internal long[] CountPerRow { get; }

    internal double[] Z { get; }
    internal double[] Y { get; }
    internal double[] X { get; }
    internal int[] Label { get; }
    internal int[] CellStart { get; }
    internal int CellsZ { get; }
    internal int CellsY { get; }
    internal int CellsX { get; }

    private double MinZ { get; }
    private double MinY { get; }
    private double MinX { get; }
    private double Edge { get; }

    /// <summary>
    /// The cell, margin included, of a point at (<paramref name="z"/>, <paramref name="y"/>, <paramref name="x"/>) µm;
    /// false when it is beyond the margin (no blob of channel a within r_max).
    /// </summary>
    internal bool CellOf(double z, double y, double x, out int cz, out int cy, out int cx)
    {
        cz = cy = cx = 0;
        if (Z.Length == 0) return false;
        double fz = Math.Floor((z - MinZ) / Edge) + 1, fy = Math.Floor((y - MinY) / Edge) + 1, fx = Math.Floor((x - MinX) / Edge) + 1;
        if (!(fz >= 0 && fz < CellsZ && fy >= 0 && fy < CellsY && fx >= 0 && fx < CellsX)) return false;
        (cz, cy, cx) = ((int)fz, (int)fy, (int)fx);
        return true;
    }

    private int Cell(double v, double min) => (int)Math.Floor((v - min) / Edge) + 1;

    /// <summary>Cells along an axis of extent <paramref name="extent"/>, with a margin cell at each end.</summary>
    private static double Cells(double extent, double edge) => Math.Floor(extent / edge) + 3;
}
