namespace Coloc.Core.Regions;

/// <summary>
/// One axis of <see cref="RegionNullModel"/>'s uniform redraw, tabulated once: labels voxel i covers the full-resolution
/// coordinates <c>[(i − ½)/s, (i + ½)/s)</c>, the last one up to <c>max((i + ½)/s, full − 1)</c>; a draw is
/// <c>start(i) + u · widest</c> (u uniform in [0, 1)), kept when it lies in voxel i's part of the image
/// <c>[0, full − 1]</c>. The bounds are the same float64 expressions evaluated once per voxel index instead of per draw.
/// </summary>
internal sealed class RedrawAxis
{
    private readonly double[] _start, _end;
    private readonly double _widest, _last;

    /// <param name="scaling">Labels voxels per full-resolution voxel along the axis.</param>
    /// <param name="n">Labels voxels along the axis.</param>
    /// <param name="full">Full-resolution voxels along the axis.</param>
    public RedrawAxis(double scaling, int n, int full)
    {
        _start = new double[n];
        _end = new double[n];
        for (int i = 0; i < n; i++)
        {
            _start[i] = (i - 0.5) / scaling;
            _end[i] = i == n - 1 ? Math.Max((i + 0.5) / scaling, full - 1) : (i + 0.5) / scaling;
        }
        _widest = Math.Max(1 / scaling, full - 1 - (n - 1.5) / scaling);
        _last = full - 1;
    }

    /// <summary>Draws a coordinate for labels voxel <paramref name="index"/> (clamped into the image); false when the draw is to be rejected.</summary>
    public bool Draw(int index, ref SplitMix64 g, out double value)
    {
        double v = _start[index] + g.NextDouble() * _widest;
        value = Math.Clamp(v, 0, _last);
        return v >= 0 && v < _end[index] && v <= _last;
    }
}
