using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Coloc.Core.Blobs;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc intensity</c>: MagellanMapper's intensity colocalization (<c>colocalize_blobs</c>) of a blob CSV on a
/// TIFF image (ImageJ hyperstack or multi-page file), the whole image in one pass plane by plane (memory: a few planes),
/// writing <c>blob_index,in_roi,c0,c1,…</c> and optionally the per-(blob, channel) diagnostics.
/// </summary>
public static class IntensityCommand
{
    /// <summary>Builds the command; LibTiff.NET warnings go to <paramref name="stderr"/> as <c>coloc: warning: …</c> lines.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var image = new Option<string>("--image") { Description = "TIFF image (ImageJ hyperstack or multi-page; 8/16/32-bit integer or 32-bit float)", Required = true };
        var blobs = new Option<string>("--blobs") { Description = "Blob CSV (header z,y,x,radius,confirmed,truth,channel; voxels relative to the image)", Required = true };
        var output = new Option<string>("--out") { Description = "Output CSV: blob_index,in_roi,c0,c1,…", Required = true };
        var thresh = new Option<string>("--thresh") { Description = "Threshold: min (default, as MagellanMapper) or a percentile P in [0,100]", DefaultValueFactory = _ => "min" };
        var channels = new Option<string?>("--channels") { Description = "Channels that take part, 0-based, e.g. 0,2 (default all)" };
        var diagnostics = new Option<string?>("--diagnostics") { Description = "Also write blob_index,blob_channel,other_channel,mean_intensity_in_other,threshold_of_other" };
        var frame = new Option<int>("--frame") { Description = "Time point of a hyperstack, 0-based (default 0)", DefaultValueFactory = _ => 0 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores; at most one per channel); never changes the result", DefaultValueFactory = _ => Environment.ProcessorCount };

        var cmd = new Command("intensity", "Flag blobs whose neighbourhood is bright in each channel (MagellanMapper colocalize_blobs).")
        {
            image, blobs, output, thresh, channels, diagnostics, frame, threads,
        };
        cmd.SetAction(pr =>
        {
            IntensityThreshold rule;
            try
            {
                rule = IntensityThreshold.Parse(pr.GetValue(thresh)!);
            }
            catch (FormatException e)
            {
                throw new UsageException("--thresh: " + e.Message);
            }
            var options = new IntensityColocOptions
            {
                Threshold = rule,
                Channels = pr.GetValue(channels) is { } c ? CliValues.Channels(c, "--channels") : null,
                Threads = pr.GetValue(threads) is var n && n >= 1 ? n : throw new UsageException($"--threads: must be >= 1, got {n}"),
            };
            string imagePath = pr.GetValue(image)!, blobPath = pr.GetValue(blobs)!;
            int t = pr.GetValue(frame);

            var sw = Stopwatch.StartNew();
            var input = BlobCsv.Read(blobPath);
            using var stack = TiffStack.Open(imagePath, w => stderr.WriteLine("coloc: warning: " + w));
            if (t < 0 || t >= stack.Frames) throw new UsageException($"--frame: {imagePath} has {stack.Frames} frame(s), got {t}");
            if (options.Channels?.Where(ch => ch >= stack.Channels).Cast<int?>().FirstOrDefault() is { } bad)
                throw new UsageException($"--channels: {imagePath} has {stack.Channels} channel(s), got channel {bad}");
            IntensityColocResult result;
            try
            {
                result = Run(stack, input, options, t);
            }
            catch (ArgumentException e) when (e.Message.StartsWith("blob ", StringComparison.Ordinal))
            {
                throw new UsageException($"{blobPath}: {e.Message.Split(" (Parameter")[0]}");
            }
            IntensityCsv.WriteFlags(pr.GetValue(output)!, result);
            if (pr.GetValue(diagnostics) is { } diag) IntensityCsv.WriteDiagnostics(diag, result);

            var thr = string.Join(",", result.Thresholds.Select(v => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "-"));
            stdout.WriteLine($"image {imagePath}: {stack.Shape} z,y,x × {stack.Channels} channel(s), {stack.PixelType}");
            stdout.WriteLine($"blobs: {result.Count} ({result.InRoi.Count(b => b)} in the image); threshold {rule}: {thr}; ones per channel: {string.Join(",", result.OnesPerChannel())}");
            stdout.WriteLine($"wrote {pr.GetValue(output)} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static IntensityColocResult Run(TiffStack stack, Blob[] blobs, IntensityColocOptions options, int frame) => stack.PixelType switch
    {
        TiffPixelType.UInt8 => Run<byte>(stack, blobs, options, frame),
        TiffPixelType.Int8 => Run<sbyte>(stack, blobs, options, frame),
        TiffPixelType.UInt16 => Run<ushort>(stack, blobs, options, frame),
        TiffPixelType.Int16 => Run<short>(stack, blobs, options, frame),
        TiffPixelType.UInt32 => Run<uint>(stack, blobs, options, frame),
        TiffPixelType.Int32 => Run<int>(stack, blobs, options, frame),
        _ => Run<float>(stack, blobs, options, frame),
    };

    private static IntensityColocResult Run<T>(TiffStack stack, Blob[] blobs, IntensityColocOptions options, int frame)
        where T : unmanaged, INumberBase<T>
    {
        var volumes = Enumerable.Range(0, stack.Channels).Select(c => stack.Channel<T>(c, frame)).ToArray<IVolume<T>>();
        return IntensityColocalizer.Run(volumes, blobs, options);
    }
}
