namespace Coloc.Core.Detection;

/// <summary>
/// The order-1 interpolation taps of one axis of <c>scipy.ndimage.zoom(..., order=1, grid_mode=True)</c> (scipy 1.10
/// <c>NI_ZoomShift</c>): output index k maps to <c>cc = (k + 0.5)·(in/out) − 0.5</c>, folded by <c>mirror</c> (or
/// clamped for <c>nearest</c>), taps <c>floor(cc)</c> and <c>floor(cc)+1</c> with weights <c>w0 = 1 − frac</c>,
/// <c>w1 = 1 − w0</c>; taps outside the axis use scipy's mirror edge offsets.
/// </summary>
internal sealed class ZoomAxis
{
    /// <summary>Builds the taps for an axis of <paramref name="inLength"/> input and <paramref name="outLength"/> output voxels.</summary>
    public ZoomAxis(int inLength, int outLength, bool nearest)
    {
        if (inLength < 1 || outLength < 1) throw new ArgumentOutOfRangeException(nameof(outLength), "axis lengths must be >= 1");
        Tap0 = new int[outLength];
        Tap1 = new int[outLength];
        W0 = new double[outLength];
        W1 = new double[outLength];
        double zoom = (double)inLength / outLength;
        for (int k = 0; k < outLength; k++)
        {
            double cc = k;
            cc += 0.5;
            cc *= zoom;
            cc -= 0.5;
            if (!nearest) cc = ScipyBoundary.MirrorCoordinate(cc, inLength);
            double fl = Math.Floor(cc);
            long start = (long)fl;
            double x = cc - fl;
            double w0 = 1.0 - x;
            W0[k] = w0;
            W1[k] = 1.0 - w0;
            Tap0[k] = Map(start, inLength, nearest);
            Tap1[k] = Map(start + 1, inLength, nearest);
        }
    }

    /// <summary>First tap index per output index.</summary>
    public int[] Tap0 { get; }

    /// <summary>Second tap index per output index.</summary>
    public int[] Tap1 { get; }

    /// <summary>Weight of the first tap.</summary>
    public double[] W0 { get; }

    /// <summary>Weight of the second tap.</summary>
    public double[] W1 { get; }

    private static int Map(long idx, int len, bool nearest)
    {
        if (idx >= 0 && idx < len) return (int)idx;
        if (nearest) return idx < 0 ? 0 : len - 1;
        return ScipyBoundary.Mirror(idx, len);
    }
}
