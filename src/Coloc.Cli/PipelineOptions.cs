using System.CommandLine;
using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Pipeline;
using Coloc.IO.Plan;
using Coloc.IO.Tiff;
using Coloc.Core.Detection;

namespace Coloc.Cli;

/// <summary>
/// The options <c>coloc run</c> and <c>coloc plan</c> share (image, profile, resolution, tolerance, channels, block
/// size, halo, threads) and the plan they describe; both commands build their <see cref="PlanSpec"/> here, so a merge
/// of a plan and a run with the same options use the same parameters.
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>Default block core z,y,x, voxels.</summary>
    public static readonly ZyxInt DefaultBlockVoxels = new(128, 512, 512);

    private readonly Option<string> _image = new("--image") { Description = "Image (TIFF: ImageJ hyperstack, multi-page or BigTIFF; channels from the ImageJ header)", Required = true };
    private readonly Option<string> _profile = new("--profile") { Description = "ROI profiles, comma-separated, applied on top of default (e.g. default,4xnuc)", DefaultValueFactory = _ => "default" };
    private readonly Option<string[]> _profileSet = new("--profile-set") { Description = "Profile setting KEY=VALUE on top of --profile (repeatable)", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string?> _resolution = new("--resolution") { Description = "Voxel size Z,Y,X in µm (default: from the file)" };
    private readonly Option<string?> _channels = new("--channels") { Description = "Channels to pair in matching, 0-based (default all); detection and intensity use every channel" };
    private readonly Option<string?> _tol = new("--tol") { Description = "Match tolerance Z,Y,X in voxels (default: from the profile)" };
    private readonly Option<string?> _tolUm = new("--tol-um") { Description = "Match tolerance Z,Y,X in µm" };
    private readonly Option<string?> _blockSize = new("--block-size") { Description = $"Block core Z,Y,X in voxels (default {DefaultBlockVoxels}); never changes the result" };
    private readonly Option<string?> _halo = new("--halo") { Description = "Detection margin Z,Y,X read around a block (default: the detector's minimum); never changes the result" };

    /// <summary>Worker threads.</summary>
    public Option<int> Threads { get; } = new("--threads") { Description = "Worker threads (default: all cores); never changes the result", DefaultValueFactory = _ => Environment.ProcessorCount };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var o in new Option[] { _image, _profile, _profileSet, _resolution, _channels, _tol, _tolUm, _blockSize, _halo, Threads })
            command.Options.Add(o);
    }

    /// <summary>The image path given.</summary>
    public string ImagePath(ParseResult pr) => Path.GetFullPath(pr.GetValue(_image)!);

    /// <summary>The thread count given (≥ 1).</summary>
    public int ThreadCount(ParseResult pr) =>
        pr.GetValue(Threads) is var n && n >= 1 ? n : throw new UsageException($"--threads: must be >= 1, got {n}");

    /// <summary>The plan the options describe for the open <paramref name="stack"/>.</summary>
    /// <exception cref="UsageException">A value is malformed or inconsistent.</exception>
    public PlanSpec Spec(ParseResult pr, TiffStack stack)
    {
        ArgumentNullException.ThrowIfNull(pr);
        ArgumentNullException.ThrowIfNull(stack);
        var info = new FileInfo(stack.Path);
        var shape = stack.Shape;
        var res = pr.GetValue(_resolution) is { } r ? CliValues.PositiveVector(r, "--resolution") : stack.ResolutionUm;
        var block = pr.GetValue(_blockSize) is { } b ? CliValues.PositiveShape(b, "--block-size") : DefaultBlockVoxels;
        var core = ZyxInt.FromAxes(a => Math.Min(block[a], shape[a]));
        var spec = new PlanSpec
        {
            ImagePath = Path.GetFullPath(stack.Path),
            ImageBytes = info.Length,
            ImageModifiedUtc = info.LastWriteTimeUtc.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            ShapeVoxels = shape,
            ChannelCount = stack.Channels,
            ResolutionUm = res,
            CoreVoxels = core,
            HaloVoxels = default,
            Profile = pr.GetValue(_profile)!,
            ProfileSettings = pr.GetValue(_profileSet) ?? [],
            TolVoxels = pr.GetValue(_tol) is { } t ? CliValues.PositiveVector(t, "--tol") : null,
            TolUm = pr.GetValue(_tolUm) is { } tu ? CliValues.PositiveVector(tu, "--tol-um") : null,
            MatchChannels = pr.GetValue(_channels) is { } c ? CliValues.Channels(c, "--channels") : null,
        };
        var detection = PlanRequests.Detection(spec, 1);
        var minimum = LogBlobDetector<byte>.MinimumMarginVoxels(detection, res, stack.Channels);
        var halo = pr.GetValue(_halo) is { } h ? NonNegativeShape(h, "--halo") : minimum;
        spec = spec with { HaloVoxels = halo };
        if (spec.MatchChannels is { } mc && mc.Any(ch => ch >= stack.Channels))
            throw new UsageException($"--channels: the image has {stack.Channels} channel(s) (0..{stack.Channels - 1})");
        if (detection.Profiles[0].Isotropic is not null && spec.Grid.Count > 1)
            throw new UsageException($"--profile: '{spec.Profile}' resamples isotropically, which works only with one block over the whole image (--block-size {shape})");
        try
        {
            MatchEngine.Validate(PlanRequests.Match(spec, 1));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        return spec;
    }

    private static ZyxInt NonNegativeShape(string text, string flag)
    {
        var v = CliValues.Vector(text, flag);
        if (v.Min < 0 || v.Z != Math.Floor(v.Z) || v.Y != Math.Floor(v.Y) || v.X != Math.Floor(v.X) || v.Max > 100_000)
            throw new UsageException($"{flag}: expected whole numbers >= 0, got '{text}'");
        return new ZyxInt((int)v.Z, (int)v.Y, (int)v.X);
    }
}
