using System.Globalization;
using Coloc.Core.Geometry;
using Coloc.Core.Regions;
using Coloc.Native.Jni;

namespace Coloc.Native.Pixels;

/// <summary>
/// An ImageJ labels image as a <see cref="LabelGrid"/>: one channel, Z planes of <c>byte[]</c> (8-bit, ids 0–255),
/// <c>short[]</c> (16-bit, unsigned, ids 0–65535) or <c>float[]</c> (32-bit: every value must be a whole number, so
/// negative ids of a mirrored hemisphere are kept), read in place plane by plane.
/// </summary>
public static class JavaLabels
{
    /// <summary>Reads <paramref name="planes"/> (Z arrays of Y·X values) of shape <paramref name="shapeZyx"/>.</summary>
    /// <param name="env">The calling thread's JNI environment.</param>
    /// <param name="planes">The labels' planes, z ascending.</param>
    /// <param name="shapeZyx">Z, Y, X in voxels.</param>
    /// <param name="name">The labels' name in messages (the image title, or ROI Manager).</param>
    /// <exception cref="JavaException">Null, a wrong count or length, an unsupported type (RGB).</exception>
    /// <exception cref="ArgumentException">A 32-bit value that is not a whole number; names the labels and the voxel.</exception>
    public static LabelGrid Read(JniEnv env, IntPtr planes, int[]? shapeZyx, string name)
    {
        if (shapeZyx is null || shapeZyx.Length != 3) throw JavaException.Argument("labels shape: expected 3 values z,y,x");
        var img = JavaPlanes.From(env, planes, [1, shapeZyx[0], shapeZyx[1], shapeZyx[2]]);
        var shape = img.Shape;
        var ids = new long[shape.Volume];
        int n = shape.Y * shape.X;
        switch (img.Type)
        {
            case PixelType.UInt8:
                img.ForEachPlane<byte>(0, (_, z, p) => { for (int i = 0; i < n; i++) ids[(long)z * n + i] = p[i]; });
                break;
            case PixelType.UInt16:
                img.ForEachPlane<ushort>(0, (_, z, p) => { for (int i = 0; i < n; i++) ids[(long)z * n + i] = p[i]; });
                break;
            default:
                img.ForEachPlane<float>(0, (_, z, p) =>
                {
                    for (int i = 0; i < n; i++)
                    {
                        float v = p[i];
                        if (!float.IsFinite(v) || v != MathF.Floor(v)) throw NotWhole(name, v, new ZyxInt(z, i / shape.X, i % shape.X));
                        ids[(long)z * n + i] = (long)v;
                    }
                });
                break;
        }
        return new LabelGrid(shape, ids);
    }

    private static ArgumentException NotWhole(string name, float v, ZyxInt at) =>
        new($"labels: {name} must hold integer ids, voxel z,y,x = {at} holds {v.ToString("R", CultureInfo.InvariantCulture)}");
}
