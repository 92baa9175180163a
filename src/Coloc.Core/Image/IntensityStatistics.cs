namespace Coloc.Core.Image;

/// <summary>
/// Running minimum, maximum, sum and count of pixel values (NaN pixels are counted apart and excluded), fed plane by
/// plane. <see cref="Mean"/> = <see cref="Sum"/> / <see cref="Count"/>; for 8- and 16-bit planes the sum is exact
/// (integer accumulation), for float planes it is a double sum in plane order.
/// </summary>
public sealed class IntensityStatistics
{
    /// <summary>Smallest non-NaN value; +∞ before any value.</summary>
    public double Min { get; private set; } = double.PositiveInfinity;

    /// <summary>Largest non-NaN value; −∞ before any value.</summary>
    public double Max { get; private set; } = double.NegativeInfinity;

    /// <summary>Sum of the non-NaN values.</summary>
    public double Sum { get; private set; }

    /// <summary>Number of non-NaN values.</summary>
    public long Count { get; private set; }

    /// <summary>Number of NaN values seen (float planes only).</summary>
    public long NaNCount { get; private set; }

    /// <summary>Mean of the non-NaN values; NaN when there are none.</summary>
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Adds 8-bit values (0..255).</summary>
    public void Add(ReadOnlySpan<byte> values)
    {
        Span<long> hist = stackalloc long[256];
        foreach (byte v in values) hist[v]++;
        AddHistogram(hist);
    }

    private long[]? _hist16;

    /// <summary>Adds unsigned 16-bit values (0..65535); one 512 KiB histogram is reused across planes.</summary>
    public void Add(ReadOnlySpan<ushort> values)
    {
        var hist = _hist16 ??= new long[65536];
        foreach (ushort v in values) hist[v]++;
        AddHistogram(hist);
        Array.Clear(hist);
    }

    /// <summary>Adds 32-bit float values; NaNs are counted in <see cref="NaNCount"/> only.</summary>
    public void Add(ReadOnlySpan<float> values)
    {
        double min = Min, max = Max, sum = 0;
        long n = 0, nan = 0;
        foreach (float v in values)
        {
            if (float.IsNaN(v)) { nan++; continue; }
            if (v < min) min = v;
            if (v > max) max = v;
            sum += v;
            n++;
        }
        (Min, Max, Sum, Count, NaNCount) = (min, max, Sum + sum, Count + n, NaNCount + nan);
    }

    private void AddHistogram(ReadOnlySpan<long> hist)
    {
        long n = 0;
        double sum = 0;
        for (int v = 0; v < hist.Length; v++)
        {
            if (hist[v] == 0) continue;
            if (v < Min) Min = v;
            if (v > Max) Max = v;
            n += hist[v];
            sum += (double)hist[v] * v;
        }
        Count += n;
        Sum += sum;
    }
}
