namespace Coloc.Core.Detection;

/// <summary>
/// LoG peaks hashed into cubic cells of edge <c>cellVoxels</c> (cell index <c>floor(coordinate / cellVoxels)</c> per
/// axis): every peak within <c>cellVoxels</c> of a peak lies in its cell or one of the 26 around it.
/// </summary>
internal sealed class PeakCells
{
    private readonly Dictionary<(long, long, long), List<int>> _cells = new();
    private readonly IReadOnlyList<LogPeak> _peaks;
    private readonly double _cellVoxels;

    /// <summary>Hashes <paramref name="peaks"/>.</summary>
    /// <param name="peaks">The peaks (voxels).</param>
    /// <param name="cellVoxels">Cell edge in voxels (a tiny positive edge is used for 0).</param>
    public PeakCells(IReadOnlyList<LogPeak> peaks, double cellVoxels)
    {
        _peaks = peaks;
        _cellVoxels = Math.Max(cellVoxels, 1e-9);
        for (int i = 0; i < peaks.Count; i++)
        {
            var key = Cell(peaks[i]);
            if (!_cells.TryGetValue(key, out var l)) _cells[key] = l = [];
            l.Add(i);
        }
    }

    /// <summary>Appends to <paramref name="result"/> every peak j &gt; i in the 27 cells around peak i (a superset of the later peaks within the cell edge).</summary>
    public void LaterCandidates(int i, List<int> result)
    {
        var (cz, cy, cx) = Cell(_peaks[i]);
        for (long a = cz - 1; a <= cz + 1; a++)
            for (long b = cy - 1; b <= cy + 1; b++)
                for (long c = cx - 1; c <= cx + 1; c++)
                    if (_cells.TryGetValue((a, b, c), out var l))
                        foreach (int j in l)
                            if (j > i) result.Add(j);
    }

    private (long, long, long) Cell(LogPeak p) =>
        ((long)Math.Floor(p.Z / _cellVoxels), (long)Math.Floor(p.Y / _cellVoxels), (long)Math.Floor(p.X / _cellVoxels));
}
