using Coloc.IO.Images;
using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Parameters;
using Coloc.Core.Pipeline;
using Coloc.IO.Plan;
using Coloc.IO.Tiff;
using Coloc.Core.Detection;
using Coloc.Core.Limits;

namespace Coloc.Cli;

/// <summary>
/// The plan <c>coloc run</c> and <c>coloc plan</c> describe with the parameters of <see cref="PipelineParameters"/>;
/// both commands build their <see cref="PlanSpec"/> here, so a merge of a plan and a run with the same options use
/// the same parameters. The resolution in effect is <c>--resolution</c> when given, else the image file's; a
/// tolerance in µm is converted with it.
/// </summary>
public static class PipelineOptions
{
    /// <summary>Default block core z,y,x, voxels.</summary>
    public static ZyxInt DefaultBlockVoxels => PipelineParameters.DefaultBlockVoxels;

    /// <summary>The image path given.</summary>
    public static string ImagePath(IParameterValues values) => Path.GetFullPath(values.Get(SharedParameters.Image)!);

    /// <summary>The plan the values describe for the open <paramref name="stack"/>.</summary>
    /// <exception cref="ParameterException">A value is malformed or inconsistent.</exception>
    public static PlanSpec Spec(IParameterValues values, ImageStack stack)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(stack);
        var shape = stack.Shape;
        var res = values.PositiveVector(SharedParameters.Resolution) ?? stack.ResolutionUm;
        var block = values.PositiveShape(PipelineParameters.BlockSize) ?? DefaultBlockVoxels;
        var core = ZyxInt.FromAxes(a => Math.Min(block[a], shape[a]));
        var tol = values.PositiveVector(SharedParameters.Tolerance);
        var tolUm = values.PositiveVector(SharedParameters.ToleranceUm);
        if (tol is not null && tolUm is not null)
            throw new ParameterException(SharedParameters.ToleranceUm, "not with {0} (give the tolerance in voxels or in µm)", SharedParameters.Tolerance);
        var spec = new PlanSpec
        {
            ImagePath = Path.GetFullPath(stack.Path),
            ImageBytes = stack.Bytes,
            ImageModifiedUtc = stack.ModifiedUtc.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            ShapeVoxels = shape,
            ChannelCount = stack.Channels,
            ResolutionUm = res,
            CoreVoxels = core,
            HaloVoxels = default,
            Profile = values.Get(SharedParameters.Profile) ?? "default",
            ProfileSettings = [.. values.Texts(SharedParameters.ProfileSet)],
            TolVoxels = tol,
            TolUm = tolUm,
            MatchChannels = values.Channels(SharedParameters.Channels),
        };
        var detection = PlanRequests.Detection(spec, 1);
        var limits = LimitParameters.Limits(values);
        // Before the halo and grid are derived from the sigmas: blocks of the core, each read with its halo (all channels).
        double regionBytes = (double)stack.Channels * stack.PixelType.BytesPerSample() * ZyxInt.FromAxes(a => Math.Min(shape[a], core[a])).Volume;
        DetectionBudget.Check(shape, stack.Channels, stack.PixelType.BytesPerSample(), res, detection with { Limits = limits },
            core, limits, residentImageBytes: regionBytes,
            maxHaloReread: values.PositiveShape(PipelineParameters.BlockSize) is null ? double.PositiveInfinity : DetectionBudget.MaxHaloReread);
        var minimum = LogBlobDetector<byte>.MinimumMarginVoxels(detection, res, stack.Channels);
        var halo = values.Get(PipelineParameters.Halo) is { } h ? ParameterText.NonNegativeShape(PipelineParameters.Halo, h) : minimum;
        spec = spec with { HaloVoxels = halo };
        if (spec.MatchChannels is { } mc && mc.Any(ch => ch >= stack.Channels))
            throw new ParameterException(SharedParameters.Channels, $"the image has {stack.Channels} channel(s) (0..{stack.Channels - 1})");
        if (detection.Profiles[0].Isotropic is not null && spec.Grid.Count > 1)
            throw new ParameterException(SharedParameters.Profile, $"'{spec.Profile}' resamples isotropically, which works only with one block over the whole image ({{0}} {shape})", PipelineParameters.BlockSize);
        MatchEngine.Validate(PlanRequests.Match(spec, 1));
        return spec;
    }
}
