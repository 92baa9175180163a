using Coloc.TestKit;

namespace Coloc.IO.Tests.Tiff;

/// <summary>What Python's tifffile reads from a file, as float64 z,c,y,x (a 3-D series is taken as z,y,x, one channel).</summary>
internal sealed class TifffileReference
{
    private readonly double[] _values;

    private TifffileReference(int[] shape, double[] values)
    {
        Shape = shape;
        _values = values;
    }

    /// <summary>z, c, y, x.</summary>
    public int[] Shape { get; }

    public double At(int z, int c, int yx) => _values[((long)z * Shape[1] + c) * Shape[2] * Shape[3] + yx];

    public static TifffileReference Read(string tif)
    {
        string raw = tif + ".ref.f8";
        string shapeText = ExternalTool.Python3("""
            import sys, tifffile, numpy as np
            with tifffile.TiffFile(sys.argv[1]) as f:
                s = f.series[0]
                a = s.asarray()
                axes = s.axes
            if axes.startswith('T') and a.shape[0] == 1:
                a = a[0]; axes = axes[1:]
            if 'C' not in axes:
                a = a[:, None]
            a.astype('<f8').tofile(sys.argv[2])
            print(','.join(str(n) for n in a.shape))
            """, tif, raw);
        var shape = shapeText.Trim().Split(',').Select(int.Parse).ToArray();
        var bytes = File.ReadAllBytes(raw);
        File.Delete(raw);
        var values = new double[bytes.Length / 8];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return new TifffileReference(shape, values);
    }
}
