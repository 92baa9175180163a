using Coloc.Core.Geometry;

namespace Coloc.Core.Parameters;

/// <summary>
/// The block-wise pipeline (<c>coloc run</c> and <c>coloc plan</c>: detect → exact match → intensity): the parameters
/// both commands share, declared once so a plan and a run with the same options use the same values.
/// </summary>
public static class PipelineParameters
{
    /// <summary>Default block core z,y,x, voxels.</summary>
    public static readonly ZyxInt DefaultBlockVoxels = new(128, 512, 512);

    /// <summary>Work blocks of the pipeline.</summary>
    public static ParameterSpec BlockSize { get; } = SharedParameters.BlockSize with
    {
        Default = DefaultBlockVoxels.ToString(), Help = SharedParameters.BlockSize.Help + "; bounds memory",
    };

    /// <summary>Detection margin read around each block.</summary>
    public static ParameterSpec Halo { get; } = new("halo", ParameterKind.Vector,
        "Detection margin Z,Y,X read around a block; never changes the result")
    { Flag = "--halo", Unit = "voxels", DefaultText = "the detector's minimum" };

    /// <summary>Every shared parameter, in the order of the help.</summary>
    public static IReadOnlyList<ParameterSpec> All { get; } =
    [
        SharedParameters.Image,
        SharedParameters.Profile,
        SharedParameters.ProfileSet,
        SharedParameters.Resolution,
        SharedParameters.Channels with { Help = "Channels to pair in matching, 0-based (detection and intensity use every channel)" },
        SharedParameters.Tolerance,
        SharedParameters.ToleranceUm,
        BlockSize,
        Halo,
        SharedParameters.Threads,
    ];
}
