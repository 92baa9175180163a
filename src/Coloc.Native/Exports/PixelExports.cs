using System.Runtime.InteropServices;
using Coloc.Core.Intensity;
using Coloc.Native.Jni;
using Coloc.Native.Options;
using Coloc.Native.Pixels;
using Coloc.Native.Results;

namespace Coloc.Native.Exports;

/// <summary>JNI entry points that read ImageJ pixel arrays in place (ABI <see cref="NativeAbi.Version"/>), under <see cref="ExportGuard"/>.</summary>
public static class PixelExports
{
    /// <summary>
    /// <c>static native double[] intensityColocalize(Object[] planes, int[] shapeCzyx, double[] blobs, String options,
    /// ByteBuffer control)</c>: MagellanMapper's intensity method (<see cref="IntensityColocalizer"/>) on one hyperstack
    /// frame (planes z·C + c), options of <see cref="CommandSpecs.Intensity"/>; writes the CSV when <c>output</c> is set.
    /// Returns <see cref="IntensityTable.Flatten"/> plus one last value: bytes the JVM copied (0 = zero-copy).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "intensityColocalize")]
    public static IntPtr IntensityColocalize(IntPtr env, IntPtr cls, IntPtr planes, IntPtr shapeCzyx, IntPtr blobs, IntPtr options, IntPtr control) =>
        ExportGuard.Run(env, e =>
        {
            var ctl = ControlBlock.From(e, control);
            var input = Exports.BlobArrays.Read(e, blobs);
            var o = MacroOptions.Parse(e.GetString(options), CommandSpecs.Intensity);
            var opts = new IntensityColocOptions { Threshold = IntensityThreshold.Parse(o["threshold"]) };
            var img = JavaPlanes.From(e, planes, shapeCzyx == IntPtr.Zero ? null : e.GetInts(shapeCzyx));
            IntensityColocResult result;
            long copied;
            using (var cursor = new PlaneCursor(e, planes, img, ctl))
            {
                result = img.Type switch
                {
                    PixelType.UInt8 => IntensityColocalizer.Run(Volumes<byte>(cursor), input, opts),
                    PixelType.UInt16 => IntensityColocalizer.Run(Volumes<ushort>(cursor), input, opts),
                    _ => IntensityColocalizer.Run(Volumes<float>(cursor), input, opts),
                };
                copied = cursor.BytesCopied;
            } // the last critical section ends here, before any further JNI call
            if (o["output"].Length > 0) IntensityTable.Write(o["output"], result);
            var flat = IntensityTable.Flatten(result);
            Array.Resize(ref flat, flat.Length + 1);
            flat[^1] = copied;
            ctl.Report(1);
            return e.NewDoubleArray(flat);
        }, IntPtr.Zero);

    private static JavaPlaneVolume<T>[] Volumes<T>(PlaneCursor cursor) where T : unmanaged =>
        Enumerable.Range(0, cursor.Planes.Channels).Select(c => new JavaPlaneVolume<T>(cursor, c)).ToArray();
}
