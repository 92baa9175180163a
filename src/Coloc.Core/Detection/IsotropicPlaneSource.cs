using Coloc.Core.Geometry;
using Coloc.Core.Image;

namespace Coloc.Core.Detection;

/// <summary>
/// MagellanMapper's isotropic resampling (<c>cv_nd.make_isotropic</c>; README, Differences from MagellanMapper, D28)
/// computed lazily plane by plane: scikit-image 0.19 <c>resize(roi, shape, order=1, mode="reflect",
/// preserve_range=True)</c> = scipy <c>zoom(order=1, mode="mirror", grid_mode=True)</c> on float64 (mode <c>nearest</c>
/// for all axes if any axis has length 1), clipped to the input's [min, max] (over all channels of the ROI), cast back
/// to the pixel type by truncation, then converted by <c>img_as_float</c>. Each voxel sums its 8 corner terms in
/// scipy's order (<c>coeff = v·wz·wy·wx</c>, x tap fastest) so the truncation matches.
/// </summary>
internal sealed class IsotropicPlaneSource<T> : IPlaneSource where T : unmanaged
{
    private readonly IVolume<T> _input;
    private readonly ZoomAxis _z, _y, _x;
    private readonly double _min, _max;
    private readonly Dictionary<int, double[]> _planes = new();
    private readonly Queue<int> _order = new();

    public IsotropicPlaneSource(IVolume<T> input, ZyxInt outShape, double inputMin, double inputMax)
    {
        PixelConversion.EnsureSupported<T>();
        _input = input;
        Shape = outShape;
        var s = input.Shape;
        bool nearest = s.Z == 1 || s.Y == 1 || s.X == 1;
        _z = new ZoomAxis(s.Z, outShape.Z, nearest);
        _y = new ZoomAxis(s.Y, outShape.Y, nearest);
        _x = new ZoomAxis(s.X, outShape.X, nearest);
        _min = inputMin;
        _max = inputMax;
    }

    public ZyxInt Shape { get; }

    public double? SingleScale => null;

    public void ReadWindowSingle(int z, int y0, int ny, int x0, int nx, Span<float> dst, int dstStride) =>
        throw new NotSupportedException("resampled planes are read as doubles");

    public void ReadWindow(int z, int y0, int ny, int x0, int nx, Span<double> dst, int dstStride)
    {
        var p0 = RawPlane(_z.Tap0[z]);
        var p1 = RawPlane(_z.Tap1[z]);
        double wz0 = _z.W0[z], wz1 = _z.W1[z];
        int w = _input.Shape.X;
        double scale = PixelConversion.Factor<T>();
        bool isFloat = typeof(T) == typeof(float);
        bool clampMinusOne = typeof(T) == typeof(int);
        for (int yy = 0; yy < ny; yy++)
        {
            int y = y0 + yy;
            int ya = _y.Tap0[y] * w, yb = _y.Tap1[y] * w;
            double wy0 = _y.W0[y], wy1 = _y.W1[y];
            for (int xx = 0; xx < nx; xx++)
            {
                int x = x0 + xx;
                int xa = _x.Tap0[x], xb = _x.Tap1[x];
                double wx0 = _x.W0[x], wx1 = _x.W1[x];
                double t = 0.0;
                t += p0[ya + xa] * wz0 * wy0 * wx0;
                t += p0[ya + xb] * wz0 * wy0 * wx1;
                t += p0[yb + xa] * wz0 * wy1 * wx0;
                t += p0[yb + xb] * wz0 * wy1 * wx1;
                t += p1[ya + xa] * wz1 * wy0 * wx0;
                t += p1[ya + xb] * wz1 * wy0 * wx1;
                t += p1[yb + xa] * wz1 * wy1 * wx0;
                t += p1[yb + xb] * wz1 * wy1 * wx1;
                if (t < _min) t = _min;
                if (t > _max) t = _max;
                double v = PixelConversion.CastBack<T>(t);
                if (!isFloat)
                {
                    v *= scale;
                    if (clampMinusOne && v < -1.0) v = -1.0;
                }
                dst[yy * dstStride + xx] = v;
            }
        }
    }

    private double[] RawPlane(int z)
    {
        if (_planes.TryGetValue(z, out var p)) return p;
        if (_order.Count >= 4) _planes.Remove(_order.Dequeue());
        var plane = _input.Plane(z);
        p = new double[plane.Length];
        PixelConversion.Widen(plane, p);
        _planes[z] = p;
        _order.Enqueue(z);
        return p;
    }

    /// <summary>Minimum and maximum raw value over the given volumes (the clip range of <c>resize</c>).</summary>
    public static (double Min, double Max) Range(IEnumerable<IVolume<T>> volumes)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in volumes)
            for (int z = 0; z < v.Shape.Z; z++)
                foreach (var px in v.Plane(z))
                {
                    double d = PixelConversion.Raw(px);
                    if (d < min) min = d;
                    if (d > max) max = d;
                }
        return (min, max);
    }
}
