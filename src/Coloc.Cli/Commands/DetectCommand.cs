using System.CommandLine;
using System.Diagnostics;
using Coloc.IO.Images;
using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Limits;
using Coloc.Core.Parameters;
using Coloc.Cli.Parameters;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc detect</c>: LoG blob detection on a TIFF (MagellanMapper's <c>detect_blobs</c>, see
/// <see cref="BlobDetector"/>), writing the blob CSV <c>coloc match</c> reads (<c>z,y,x,radius,confirmed,truth,channel</c>).
/// </summary>
public static class DetectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var parameters = CliCommands.Options(CliCommands.Detect);
        var cmd = new Command(CliCommands.Detect.Name, CliCommands.Detect.Description);
        parameters.AddTo(cmd);
        cmd.SetAction(pr =>
        {
            var values = parameters.Values(pr);
            var limits = LimitParameters.Limits(values);
            var options = DetectParameters.Options(values, Environment.ProcessorCount) with { Limits = limits };
            string path = values.Get(SharedParameters.Image)!, outPath = values.Get(SharedParameters.OutFile)!;

            var sw = Stopwatch.StartNew();
            using var tiff = ImageInputs.Open(path, maxExpansion: limits.MaxExpansion);
            DetectParameters.CheckChannels(options, tiff.Channels, values.ChannelBase);
            var res = DetectParameters.Resolution(values, tiff.ResolutionUm);
            bool blocks = DetectParameters.InBlocks(options, tiff.Shape);
            // Before a pixel is read: the whole image is loaded, then detected whole or in blocks.
            DetectionBudget.Check(tiff.Shape, tiff.Channels, tiff.PixelType.BytesPerSample(), res, options,
                blocks ? options.BlockShapeVoxels ?? BlobDetector.BudgetBlock(options, res, tiff.Shape) : null, limits,
                maxHaloReread: options.BlockShapeVoxels is null ? double.PositiveInfinity : DetectionBudget.MaxHaloReread);
            var blobs = tiff.PixelType switch
            {
                TiffPixelType.UInt16 => Run<ushort>(tiff, res, options, blocks),
                TiffPixelType.UInt8 => Run<byte>(tiff, res, options, blocks),
                TiffPixelType.UInt32 => Run<uint>(tiff, res, options, blocks),
                TiffPixelType.Int32 => Run<int>(tiff, res, options, blocks),
                TiffPixelType.Float32 => Run<float>(tiff, res, options, blocks),
                var t => throw new NotSupportedException($"{path}: {t} pixels are not supported for detection (use 8/16/32-bit unsigned, 32-bit signed or float)"),
            };
            BlobCsv.Write(outPath, blobs);
            foreach (var g in blobs.GroupBy(x => x.Channel)) stdout.WriteLine($"channel {g.Key}: {g.Count()} blobs");
            stdout.WriteLine($"wrote {blobs.Length} blobs to {outPath} in {sw.Elapsed.TotalSeconds:0.00} s");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Blob[] Run<T>(ImageStack tiff, Zyx resolution, DetectionOptions options, bool blocks) where T : unmanaged
    {
        var vols = Enumerable.Range(0, tiff.Channels).Select(c => tiff.Channel<T>(c)).ToArray();
        var img = new MultiChannelVolume<T>(vols, resolution);
        return blocks ? BlobDetector.DetectBlocks(img, options) : BlobDetector.Detect(img, options);
    }
}
