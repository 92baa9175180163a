using Coloc.Core.Blobs;

namespace Coloc.Core.Matching;

/// <summary>Blob centres multiplied per axis by the tolerance scaling, kept as three parallel arrays (structure of arrays).</summary>
internal sealed class ScaledCoords
{
    public ScaledCoords(ReadOnlySpan<Blob> blobs, MatchTolerance tol)
    {
        Z = new double[blobs.Length];
        Y = new double[blobs.Length];
        X = new double[blobs.Length];
        var s = tol.Scaling;
        for (int i = 0; i < blobs.Length; i++)
        {
            Z[i] = blobs[i].Z * s.Z;
            Y[i] = blobs[i].Y * s.Y;
            X[i] = blobs[i].X * s.X;
        }
    }

    public double[] Z { get; }
    public double[] Y { get; }
    public double[] X { get; }

    /// <summary>The coordinates of the given points as three new arrays.</summary>
    public (double[] Z, double[] Y, double[] X) Gather(ReadOnlySpan<int> idx)
    {
        var z = new double[idx.Length];
        var y = new double[idx.Length];
        var x = new double[idx.Length];
        for (int k = 0; k < idx.Length; k++)
        {
            z[k] = Z[idx[k]];
            y[k] = Y[idx[k]];
            x[k] = X[idx[k]];
        }
        return (z, y, x);
    }
}
