using System.CommandLine;
using System.Diagnostics;
using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Profiles;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;

namespace Coloc.Cli.Commands;

/// <summary>
/// <c>coloc detect</c>: LoG blob detection on a TIFF (MagellanMapper's <c>detect_blobs</c>, see
/// <see cref="BlobDetector"/>), writing the blob CSV <c>coloc match</c> reads (<c>z,y,x,radius,confirmed,truth,channel</c>).
/// </summary>
public static class DetectCommand
{
    /// <summary>Planes larger than this (y·x voxels) are detected block by block unless <c>--block-size</c> is given.</summary>
    public const long WholeImageMaxPlaneVoxels = 1024L * 1024;

    /// <summary>Builds the command.</summary>
    public static Command Create(TextWriter stdout)
    {
        var image = new Option<string>("--image") { Description = "Image: TIFF or ImageJ hyperstack (8/16/32-bit integer or 32-bit float)", Required = true };
        var output = new Option<string>("--out") { Description = "Blob CSV to write (z,y,x,radius,confirmed,truth,channel)", Required = true };
        var profile = new Option<string[]>("--profile") { Description = "ROI profiles, comma-separated, applied on top of default (e.g. lightsheet); several values = one per channel (channel i uses value i, or the first), as MagellanMapper's --roi_profile", DefaultValueFactory = _ => ["default"], AllowMultipleArgumentsPerToken = true };
        var profileSet = new Option<string[]>("--profile-set") { Description = "Profile setting KEY=VALUE on top of --profile (repeatable), e.g. detection_threshold=0.05", AllowMultipleArgumentsPerToken = false };
        var channels = new Option<string?>("--channels") { Description = "Channels to detect, 0-based, e.g. 0,2 (default all)" };
        var resolution = new Option<string?>("--resolution") { Description = "Voxel size Z,Y,X in µm (default: the TIFF calibration)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores); never changes the result", DefaultValueFactory = _ => Environment.ProcessorCount };
        var pruneOrder = new Option<string>("--prune-order") { Description = "Order in which overlapping peak pairs are pruned: canonical (default; by decreasing response) or magmap (CPython's set order as MagellanMapper, exact up to 16 peaks per channel)", DefaultValueFactory = _ => "canonical" };
        var blockSize = new Option<string?>("--block-size") { Description = "Detect block by block with this core size Z,Y,X in voxels (default: whole image unless a plane exceeds 1024x1024, then the profile's segment_size grid); never changes the result" };

        var cmd = new Command("detect", "Detect blobs (Laplacian of Gaussian, as MagellanMapper) and write them as a blob CSV.")
        {
            image, output, profile, profileSet, channels, resolution, threads, blockSize, pruneOrder,
        };
        cmd.SetAction(pr =>
        {
            var profiles = (pr.GetValue(profile) is { Length: > 0 } names ? names : ["default"])
                .Select(nm => CliValues.Profile(nm, pr.GetValue(profileSet) ?? [])).ToArray();
            string order = pr.GetValue(pruneOrder)!;
            if (order is not ("canonical" or "magmap"))
                throw new UsageException($"--prune-order: expected canonical or magmap, got '{order}'");
            int n = pr.GetValue(threads);
            if (n < 1) throw new UsageException($"--threads: must be >= 1, got {n}");
            var block = pr.GetValue(blockSize) is { } b ? CliValues.PositiveShape(b, "--block-size") : (ZyxInt?)null;
            var res = pr.GetValue(resolution) is { } r ? CliValues.PositiveVector(r, "--resolution") : (Zyx?)null;
            var chans = pr.GetValue(channels) is { } c ? CliValues.Channels(c, "--channels") : null;
            string path = pr.GetValue(image)!, outPath = pr.GetValue(output)!;

            var sw = Stopwatch.StartNew();
            using var tiff = TiffStack.Open(path);
            foreach (int ch in chans ?? [])
                if (ch >= tiff.Channels) throw new UsageException($"--channels: {path} has {tiff.Channels} channel(s), no channel {ch}");
            var options = new DetectionOptions { Profiles = profiles, Channels = chans, Threads = n, BlockShapeVoxels = block, MagellanMapperPruneOrder = order == "magmap" };
            bool blocks = block is not null || (long)tiff.Shape.Y * tiff.Shape.X > WholeImageMaxPlaneVoxels;
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

    private static Blob[] Run<T>(TiffStack tiff, Zyx? resolution, DetectionOptions options, bool blocks) where T : unmanaged
    {
        var vols = Enumerable.Range(0, tiff.Channels).Select(c => tiff.Channel<T>(c)).ToArray();
        var img = new MultiChannelVolume<T>(vols, resolution ?? tiff.ResolutionUm);
        return blocks ? BlobDetector.DetectBlocks(img, options) : BlobDetector.Detect(img, options);
    }
}
