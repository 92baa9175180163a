namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// A uniform grid over 3D points (scaled coordinates) stored as compressed cell lists, for enumerating points in
/// order of distance from a query point (<see cref="NearestStream"/>).
/// </summary>
internal sealed class PointGrid
{
    public PointGrid(double[] z, double[] y, double[] x, double cellSize)
    {
        Z = z; Y = y; X = x;
        Cell = cellSize;
        int n = z.Length;
        if (n == 0) { Cells = new int[3] { 1, 1, 1 }; Start = new int[2]; Items = []; Origin = new double[3]; return; }
        Origin = [z.Min(), y.Min(), x.Min()];
        Cells = new int[3];
        double[][] c = [z, y, x];
        for (int a = 0; a < 3; a++)
            Cells[a] = Math.Max(1, (int)Math.Min(1 << 20, Math.Floor((c[a].Max() - Origin[a]) / cellSize) + 1));
        long total = (long)Cells[0] * Cells[1] * Cells[2];
        if (total > 1 << 26) throw new InvalidOperationException("grid too fine for the point extent");
        Start = new int[total + 1];
        var cellOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            cellOf[i] = CellIndex(CellCoord(z[i], 0), CellCoord(y[i], 1), CellCoord(x[i], 2));
            Start[cellOf[i] + 1]++;
        }
        for (long k = 0; k < total; k++) Start[k + 1] += Start[k];
        Items = new int[n];
        var fill = (int[])Start.Clone();
        for (int i = 0; i < n; i++) Items[fill[cellOf[i]]++] = i;
    }

    public double[] Z { get; }
    public double[] Y { get; }
    public double[] X { get; }
    public double Cell { get; }
    public double[] Origin { get; }
    public int[] Cells { get; }
    /// <summary>Start offsets of each cell's points in <see cref="Items"/> (length cells + 1).</summary>
    public int[] Start { get; }
    /// <summary>Point indices grouped by cell.</summary>
    public int[] Items { get; }

    public int CellCoord(double v, int axis) => Math.Clamp((int)Math.Floor((v - Origin[axis]) / Cell), 0, Cells[axis] - 1);

    public int CellIndex(int cz, int cy, int cx) => (cz * Cells[1] + cy) * Cells[2] + cx;
}
