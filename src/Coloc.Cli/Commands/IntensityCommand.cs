using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Coloc.IO.Images;
using Coloc.Core.Blobs;
using Coloc.Core.Image;
using Coloc.Core.Intensity;
using Coloc.Core.Parameters;
using Coloc.Cli.Parameters;
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
        var parameters = CliCommands.Options(CliCommands.Intensity);
        var cmd = new Command(CliCommands.Intensity.Name, CliCommands.Intensity.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            var options = IntensityParameters.Options(values, Environment.ProcessorCount);
            var rule = options.Threshold;
            string imagePath = values.Get(SharedParameters.Image)!, blobPath = string.Join("+", values.Texts(BlobInputParameters.Blobs));
            string outPath = values.Get(SharedParameters.OutFile)!;
            int t = values.Integer(IntensityParameters.Frame, 0);

            var sw = Stopwatch.StartNew();
            using var stack = ImageInputs.Open(imagePath, w => stderr.WriteLine("coloc: warning: " + w));
            var input = BlobInputs.Read(values, BlobInputParameters.Blobs, stack.ResolutionUm).Blobs;
            if (t >= stack.Frames) throw new ParameterException(IntensityParameters.Frame, $"{imagePath} has {stack.Frames} frame(s), got {t}");
            if (options.Channels?.Where(ch => ch >= stack.Channels).Cast<int?>().FirstOrDefault() is { } bad)
                throw new ParameterException(SharedParameters.Channels, $"{imagePath} has {stack.Channels} channel(s), got channel {bad}");
            IntensityColocResult result;
            try
            {
                result = Run(stack, input, options, t);
            }
            catch (ArgumentException e) when (e.Message.StartsWith("blob ", StringComparison.Ordinal))
            {
                throw new UsageException($"{blobPath}: {e.Message.Split(" (Parameter")[0]}");
            }
            IntensityCsv.WriteFlags(outPath, result);
            if (values.Get(IntensityParameters.Diagnostics) is { } diag) IntensityCsv.WriteDiagnostics(diag, result);

            var thr = string.Join(",", result.Thresholds.Select(v => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "-"));
            stdout.WriteLine($"image {imagePath}: {stack.Shape} z,y,x × {stack.Channels} channel(s), {stack.PixelType}");
            stdout.WriteLine($"blobs: {result.Count} ({result.InRoi.Count(b => b)} in the image); threshold {rule}: {thr}; ones per channel: {string.Join(",", result.OnesPerChannel())}");
            stdout.WriteLine($"wrote {outPath} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static IntensityColocResult Run(ImageStack stack, Blob[] blobs, IntensityColocOptions options, int frame) => stack.PixelType switch
    {
        TiffPixelType.UInt8 => Run<byte>(stack, blobs, options, frame),
        TiffPixelType.Int8 => Run<sbyte>(stack, blobs, options, frame),
        TiffPixelType.UInt16 => Run<ushort>(stack, blobs, options, frame),
        TiffPixelType.Int16 => Run<short>(stack, blobs, options, frame),
        TiffPixelType.UInt32 => Run<uint>(stack, blobs, options, frame),
        TiffPixelType.Int32 => Run<int>(stack, blobs, options, frame),
        _ => Run<float>(stack, blobs, options, frame),
    };

    private static IntensityColocResult Run<T>(ImageStack stack, Blob[] blobs, IntensityColocOptions options, int frame)
        where T : unmanaged, INumberBase<T>
    {
        var volumes = Enumerable.Range(0, stack.Channels).Select(c => stack.Channel<T>(c, frame)).ToArray<IVolume<T>>();
        return IntensityColocalizer.Run(volumes, blobs, options);
    }
}
