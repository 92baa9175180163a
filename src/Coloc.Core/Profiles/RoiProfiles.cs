using Coloc.Core.Geometry;

namespace Coloc.Core.Profiles;

/// <summary>
/// MagellanMapper's built-in ROI profiles (<c>magmap/settings/roi_prof.py</c>). A profile string is a comma-separated
/// list of names applied left to right on top of <c>default</c>, e.g. <c>default,lightsheet</c> or
/// <c>lightsheet,4xnuc</c>.
/// </summary>
public static class RoiProfiles
{
    private static readonly Dictionary<string, Func<RoiProfile, RoiProfile>> Modifiers = new(StringComparer.Ordinal)
    {
        ["default"] = p => p,
        ["lightsheet"] = p => p with
        {
            ClipVmax = 98.5, ClipMin = 0, ClipMax = 0.5, ErosionThreshold = 0.3,
            MinSigmaFactor = 2.6, MaxSigmaFactor = 2.8, NumSigma = 10, Overlap = 0.55, SegmentSize = 150,
            PruneTolFactor = new Zyx(1, 0.9, 0.9), VerifyTolFactor = new Zyx(3, 1.2, 1.2),
            Isotropic = new Zyx(0.96, 1, 1), SubStackMaxPixels = new Zyx(1200, 800, 800),
            ExcludeBorder = new Zyx(1, 0, 0),
        },
        ["lowres"] = p => p with
        {
            MinSigmaFactor = 10, MaxSigmaFactor = 14, Isotropic = null, DenoiseSize = 2000, SegmentSize = 1000,
            MaxThreshFactor = 1.5, ExcludeBorder = new Zyx(8, 1, 1), VerifyTolFactor = new Zyx(3, 2, 2),
        },
        // MagellanMapper sets tot_var_denoise to True here; as a weight that is 1.
        ["2p20x"] = p => p with
        {
            ClipVmax = 97, ClipMin = 0, ClipMax = 0.7, TotVarDenoise = 1, UnsharpStrength = 2.5,
            MinSigmaFactor = 2.6, MaxSigmaFactor = 4, NumSigma = 20, Overlap = 0.1, DenoiseSize = 25,
            SegmentSize = 100, PruneTolFactor = new Zyx(1.5, 1.3, 1.3),
        },
        ["minpreproc"] = p => p with
        {
            ClipVmin = 0, ClipVmax = 99.99, ClipMax = 1, TotVarDenoise = 0.01, UnsharpStrength = 0, ErosionThreshold = 0,
        },
        ["cytoplasm"] = p => p with { ClipMin = 0.3, ClipMax = 0.8, MinSigmaFactor = 4, MaxSigmaFactor = 10, NumSigma = 10, Overlap = 0.2 },
        ["zebrafish"] = p => p with { MinSigmaFactor = 2.5, MaxSigmaFactor = 3 },
        ["4xnuc"] = p => p with { MinSigmaFactor = 3, MaxSigmaFactor = 4 },
        ["binary"] = p => p with { DenoiseSize = null, DetectionThreshold = 0.001 },
        ["20x"] = p => p with { SegmentSize = 50 },
        ["exportdl"] = p => p with { Isotropic = new Zyx(0.93, 1, 1) },
        ["downiso"] = p => p with { Isotropic = null, ResizeBlobs = new Zyx(0.2, 1, 1) },
        ["spawn"] = p => p with { MpStart = "spawn" },
    };

    /// <summary>The names of the built-in profiles.</summary>
    public static IReadOnlyCollection<string> Names => Modifiers.Keys;

    /// <summary>The <c>default</c> profile.</summary>
    public static RoiProfile Default { get; } = new();

    /// <summary>Resolves a comma-separated profile list on top of <c>default</c>.</summary>
    /// <exception cref="ArgumentException">A name is empty or unknown.</exception>
    public static RoiProfile Resolve(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var p = Default;
        foreach (var raw in names.Split(','))
        {
            var name = raw.Trim();
            if (!Modifiers.TryGetValue(name, out var f))
                throw new ArgumentException(
                    $"unknown ROI profile '{name}' (known: {string.Join(", ", Modifiers.Keys)})", nameof(names));
            p = f(p);
        }
        return p with { Name = names };
    }
}
