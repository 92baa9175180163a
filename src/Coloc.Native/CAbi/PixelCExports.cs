using System.Runtime.InteropServices;
using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.Core.Parameters;
using Coloc.Native.Results;

namespace Coloc.Native.CAbi;

/// <summary>
/// Detection and intensity colocalization on a caller's pixel array (<see cref="CPixels"/>, read in place) through the
/// C ABI (ABI <see cref="CAbiVersion.Version"/>), with the parameters, defaults and messages of <c>coloc detect</c> and
/// <c>coloc intensity</c>.
/// </summary>
public static unsafe class PixelCExports
{
    /// <summary>
    /// <c>int coloc_detect(const void *pixels, int32_t type, const int64_t *shape_czyx, const char *options,
    /// struct coloc_control *control, double **blobs, int64_t *rows)</c>: Laplacian-of-Gaussian detection as
    /// <c>coloc detect</c> (options of <see cref="CommandOptions.Detect"/>; the resolution is <c>--resolution</c>, else
    /// 1,1,1; block by block under the CLI's rule <see cref="DetectParameters.InBlocks"/>). Returns 7 float64 per blob.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_detect")]
    public static int Detect(void* pixels, int type, long* shapeCzyx, byte* options, void* control, double** blobs, long* rows) =>
        CGuard.Run(() =>
        {
            if (blobs == null || rows == null) throw new ArgumentException("detect: null output pointer");
            var ctl = CControl.At(control);
            var values = new FlagValues(CGuard.Text(options, "options"), CommandOptions.Detect);
            var detect = DetectParameters.Options(values, Environment.ProcessorCount);
            var img = CPixels.From(pixels, type, shapeCzyx);
            DetectParameters.CheckChannels(detect, img.Channels, values.ChannelBase);
            var res = DetectParameters.Resolution(values, Zyx.All(1));
            bool inBlocks = DetectParameters.InBlocks(detect, img.Shape);
            Blob[] found;
            using (var watch = new Jni.CancelWatch(ctl.Block))
            {
                Blob[] Run<T>() where T : unmanaged
                {
                    var v = new MultiChannelVolume<T>(img.Volumes<T>(), res);
                    return inBlocks ? BlobDetector.DetectBlocks(v, detect, ctl, watch.Token) : BlobDetector.Detect(v, detect, ctl, watch.Token);
                }
                found = img.Type switch
                {
                    1 => Run<byte>(),
                    2 => Run<ushort>(),
                    3 => Run<int>(),
                    4 => Run<uint>(),
                    _ => Run<float>(),
                };
            }
            *rows = found.Length;
            *blobs = StridedBlobs.Native(MemoryMarshal.Cast<Blob, double>(found.AsSpan()));
            ctl.Report(1);
        });

    /// <summary>
    /// <c>int coloc_intensity(const void *pixels, int32_t type, const int64_t *shape_czyx, const double *blobs,
    /// int64_t rows, int64_t cols, int64_t row_stride, int64_t col_stride, const char *options,
    /// struct coloc_control *control, double **flags, int64_t *count)</c>: MagellanMapper's intensity method as
    /// <c>coloc intensity</c> (options of <see cref="CommandOptions.Intensity"/>). Returns <see cref="IntensityTable.Flatten"/>
    /// (per blob in_roi then one 0/1 flag per channel, then the C thresholds, NaN when none) of <paramref name="count"/> values.
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = "coloc_intensity")]
    public static int Intensity(void* pixels, int type, long* shapeCzyx, double* blobs, long rows, long cols, long rowStride, long colStride,
        byte* options, void* control, double** flags, long* count) => CGuard.Run(() =>
    {
        if (flags == null || count == null) throw new ArgumentException("intensity: null output pointer");
        var ctl = CControl.At(control);
        var values = new FlagValues(CGuard.Text(options, "options"), CommandOptions.Intensity);
        var opts = IntensityParameters.Options(values, Environment.ProcessorCount);
        var img = CPixels.From(pixels, type, shapeCzyx);
        if (opts.Channels?.Where(ch => ch >= img.Channels).Cast<int?>().FirstOrDefault() is { } bad)
            throw new ParameterException(SharedParameters.Channels, $"the volume has {img.Channels} channel(s), got channel {bad}");
        var input = StridedBlobs.Read(blobs, rows, cols, rowStride, colStride);
        ctl.ThrowIfCancelled();
        var result = img.Type switch
        {
            1 => IntensityColocalizer.Run(img.Volumes<byte>(), input, opts),
            2 => IntensityColocalizer.Run(img.Volumes<ushort>(), input, opts),
            3 => IntensityColocalizer.Run(img.Volumes<int>(), input, opts),
            4 => IntensityColocalizer.Run(img.Volumes<uint>(), input, opts),
            _ => IntensityColocalizer.Run(img.Volumes<float>(), input, opts),
        };
        var flat = IntensityTable.Flatten(result);
        *count = flat.Length;
        *flags = StridedBlobs.Native(flat);
        ctl.Report(1);
    });
}
