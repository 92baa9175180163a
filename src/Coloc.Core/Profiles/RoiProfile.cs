using Coloc.Core.Geometry;

namespace Coloc.Core.Profiles;

/// <summary>
/// The settings of a MagellanMapper ROI profile that Coloc reads (<c>settings/roi_prof.py</c>), immutable.
/// Defaults are MagellanMapper's <c>default</c> profile. Tuples are z,y,x.
/// </summary>
public sealed record RoiProfile
{
    /// <summary>The profile's name as given (e.g. <c>default,lightsheet</c>).</summary>
    public string Name { get; init; } = "default";

    /// <summary>Block edge in µm (blocks of <c>ceil(segment_size / resolution)</c> voxels); default 500.</summary>
    public double SegmentSize { get; init; } = 500;

    /// <summary>Edge of preprocessing cubes in µm, or null for no preprocessing; default 25.</summary>
    public double? DenoiseSize { get; init; } = 25;

    /// <summary>Factor on the overlap base that gives the match tolerance, z,y,x; default (1,1,1).</summary>
    public Zyx VerifyTolFactor { get; init; } = Zyx.All(1);

    /// <summary>Factor on the overlap base that gives the detection pruning tolerance, z,y,x; default (1,1,1).</summary>
    public Zyx PruneTolFactor { get; init; } = Zyx.All(1);

    /// <summary>Border exclusion in voxels per axis, z,y,x, or null; default null.</summary>
    public Zyx? ExcludeBorder { get; init; }

    /// <summary>Isotropic resampling factor, z,y,x, or null; default null.</summary>
    public Zyx? Isotropic { get; init; }

    /// <summary>Blob coordinate scaling before matching (unsupported; README, Differences from MagellanMapper, D10), or
    /// null.</summary>
    public Zyx? ResizeBlobs { get; init; }

    /// <summary>Only compared to decide whether channels share detection blocks; default (1000,1000,1000).</summary>
    public Zyx SubStackMaxPixels { get; init; } = Zyx.All(1000);

    /// <summary>Lower percentile of intensity clipping in preprocessing; default 5.</summary>
    public double ClipVmin { get; init; } = 5;

    /// <summary>Upper percentile of intensity clipping in preprocessing; default 99.5.</summary>
    public double ClipVmax { get; init; } = 99.5;

    /// <summary>Floor of vmax as a fraction of the near-maximum intensity; default 0.5.</summary>
    public double MaxThreshFactor { get; init; } = 0.5;

    /// <summary>Lower clip after saturation (denoise); default 0.2.</summary>
    public double ClipMin { get; init; } = 0.2;

    /// <summary>Upper clip after saturation (denoise); default 1.0.</summary>
    public double ClipMax { get; init; } = 1.0;

    /// <summary>Total-variation denoising weight, or null for off; default null.</summary>
    public double? TotVarDenoise { get; init; }

    /// <summary>Unsharp mask strength; default 0.3.</summary>
    public double UnsharpStrength { get; init; } = 0.3;

    /// <summary>Mean above which grey erosion is applied; default 0.2.</summary>
    public double ErosionThreshold { get; init; } = 0.2;

    /// <summary>LoG minimum sigma in µm of x resolution (sigma_px = factor / res_x); default 3.</summary>
    public double MinSigmaFactor { get; init; } = 3;

    /// <summary>LoG maximum sigma factor; default 5.</summary>
    public double MaxSigmaFactor { get; init; } = 5;

    /// <summary>Number of LoG scales; default 10.</summary>
    public int NumSigma { get; init; } = 10;

    /// <summary>Absolute LoG threshold; default 0.1.</summary>
    public double DetectionThreshold { get; init; } = 0.1;

    /// <summary>Blob overlap fraction above which the smaller blob is pruned; default 0.5.</summary>
    public double Overlap { get; init; } = 0.5;

    /// <summary>Multiprocessing start method MagellanMapper would use ("fork" or "spawn"); Coloc always follows the fork path.</summary>
    public string MpStart { get; init; } = "fork";
}
