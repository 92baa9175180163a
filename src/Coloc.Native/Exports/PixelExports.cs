using System.Runtime.InteropServices;
using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.Core.Parameters;
using Coloc.IO.Csv;
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
    /// frame (planes z·C + c), options of <see cref="CommandSpecs.Intensity"/>; writes the flags CSV (as <c>coloc intensity</c>) when <c>output</c> is set.
    /// Returns <see cref="IntensityTable.Flatten"/> (flags, thresholds, % positive per channel pair) plus one last value:
    /// bytes the JVM copied (0 = zero-copy).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "intensityColocalize")]
    public static IntPtr IntensityColocalize(IntPtr env, IntPtr cls, IntPtr planes, IntPtr shapeCzyx, IntPtr blobs, IntPtr options, IntPtr control) =>
        ExportGuard.Run(env, e =>
        {
            var ctl = ControlBlock.From(e, control);
            var input = Exports.BlobArrays.Read(e, blobs);
            var o = MacroOptions.Values(e.GetString(options), CommandSpecs.Intensity);
            var opts = IntensityParameters.Options(o, defaultThreads: 1);
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
            if (o.Get(SharedParameters.OutFile) is { } output) Coloc.IO.Csv.IntensityCsv.WriteFlags(output, result);
            var flat = IntensityTable.FlattenWithShares(result, input);
            Array.Resize(ref flat, flat.Length + 1);
            flat[^1] = copied;
            ctl.Report(1);
            return e.NewDoubleArray(flat);
        }, IntPtr.Zero);

    /// <summary>
    /// <c>static native double[] detectBlobs(Object[] planes, int[] shapeCzyx, double[] resolutionUm, String options,
    /// ByteBuffer control)</c>: Laplacian-of-Gaussian detection (<see cref="BlobDetector.Detect{T}"/>, as
    /// <c>coloc detect</c>) on one hyperstack frame with the options of <see cref="CommandSpecs.Detect"/>; writes the blob
    /// CSV when <c>output</c> is set. Returns 8 doubles per blob: z,y,x,radius,confirmed,truth,channel (0-based) and the
    /// blob's quality (<see cref="ChannelDetection.BlobResponses"/>).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "detectBlobs")]
    public static IntPtr DetectBlobs(IntPtr env, IntPtr cls, IntPtr planes, IntPtr shapeCzyx, IntPtr resolutionUm, IntPtr options, IntPtr control) =>
        ExportGuard.Run(env, e =>
        {
            var ctl = ControlBlock.From(e, control);
            var o = MacroOptions.Values(e.GetString(options), CommandSpecs.Detect);
            var res = resolutionUm == IntPtr.Zero ? null : e.GetDoubles(resolutionUm);
            if (res is null || res.Length != 3 || res.Any(v => !double.IsFinite(v) || v <= 0))
                throw JavaException.Argument("resolution: expected 3 finite values z,y,x > 0 (µm)");
            var img = JavaPlanes.From(e, planes, shapeCzyx == IntPtr.Zero ? null : e.GetInts(shapeCzyx));
            var detect = DetectParameters.Options(o, Environment.ProcessorCount);
            DetectParameters.CheckChannels(detect, img.Channels, o.ChannelBase);
            var resolution = new Zyx(res[0], res[1], res[2]);
            ChannelDetection[] found;
            using (var watch = ctl.Watch())
            using (var cursor = new PlaneCursor(e, planes, img, ctl, reportProgress: false))
            {
                var progress = new ControlProgress(ctl);
                found = img.Type switch
                {
                    PixelType.UInt8 => BlobDetector.DetectChannels(new MultiChannelVolume<byte>(Volumes<byte>(cursor), resolution), detect, false, progress, watch.Token),
                    PixelType.UInt16 => BlobDetector.DetectChannels(new MultiChannelVolume<ushort>(Volumes<ushort>(cursor), resolution), detect, false, progress, watch.Token),
                    _ => BlobDetector.DetectChannels(new MultiChannelVolume<float>(Volumes<float>(cursor), resolution), detect, false, progress, watch.Token),
                };
            } // the last critical section ends here, before any further JNI call
            var blobs = found.SelectMany(d => d.Blobs).ToArray();
            if (o.Get(SharedParameters.OutFile) is { } output) BlobCsv.Write(output, blobs);
            ctl.Report(1);
            return e.NewDoubleArray(BlobArrays.FlattenScored(blobs, found.SelectMany(d => d.BlobResponses()).ToArray()));
        }, IntPtr.Zero);

    private static JavaPlaneVolume<T>[] Volumes<T>(PlaneCursor cursor) where T : unmanaged =>
        Enumerable.Range(0, cursor.Planes.Channels).Select(c => new JavaPlaneVolume<T>(cursor, c)).ToArray();
}
