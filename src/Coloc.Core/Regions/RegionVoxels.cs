namespace Coloc.Core.Regions;

/// <summary>
/// The voxels of every label of a <see cref="LabelGrid"/>, grouped by label row (ascending label, the rows of
/// <see cref="RegionCounter.Count"/>), for drawing uniform positions inside a region, and the row of every voxel (an
/// array look-up, no hashing, for the millions of placements of the null model). Memory: 8 bytes per labels voxel plus
/// one entry per label.
/// </summary>
public sealed class RegionVoxels
{
    private readonly int[] _start;
    private readonly int[] _flat;
    private readonly int[] _rowOfVoxel;

    /// <summary>Groups the voxels of <paramref name="labels"/>.</summary>
    public RegionVoxels(LabelGrid labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        Labels = labels;
        var ids = labels.Ids;
        var counts = new Dictionary<long, int>();
        foreach (long id in ids) counts[id] = counts.GetValueOrDefault(id) + 1;
        RowLabels = [.. counts.Keys.Order()];
        var rowOf = new Dictionary<long, int>(RowLabels.Length);
        for (int r = 0; r < RowLabels.Length; r++) rowOf[RowLabels[r]] = r;
        _start = new int[RowLabels.Length + 1];
        for (int r = 0; r < RowLabels.Length; r++) _start[r + 1] = _start[r] + counts[RowLabels[r]];
        var fill = (int[])_start.Clone();
        _flat = new int[ids.Length];
        _rowOfVoxel = new int[ids.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            int row = i > 0 && ids[i] == ids[i - 1] ? _rowOfVoxel[i - 1] : rowOf[ids[i]];
            _rowOfVoxel[i] = row;
            _flat[fill[row]++] = i;
        }
    }

    /// <summary>The labels grid.</summary>
    public LabelGrid Labels { get; }

    /// <summary>The labels in row order (ascending).</summary>
    public long[] RowLabels { get; }

    /// <summary>The row of the label at flat voxel <paramref name="flat"/>.</summary>
    public int RowAt(long flat) => _rowOfVoxel[flat];

    /// <summary>The flat voxel indices of row <paramref name="row"/>, ascending.</summary>
    public ReadOnlySpan<int> Voxels(int row) => _flat.AsSpan(_start[row], _start[row + 1] - _start[row]);
}
