using System.Globalization;
using Coloc.Core.Geometry;

namespace Coloc.Core.Profiles;

/// <summary>
/// Explicit profile settings on top of named profiles, as MagellanMapper's profile YAML files give them:
/// <c>key=value</c> with MagellanMapper's snake_case keys; tuples as <c>z,y,x</c>; <c>none</c> clears an optional setting.
/// Example: <c>segment_size=300</c>, <c>verify_tol_factor=3,1.2,1.2</c>, <c>isotropic=none</c>.
/// Only the settings Coloc honours can be set (<see cref="Keys"/>); MagellanMapper settings Coloc does not use
/// (<see cref="RefusedKeys"/>: image preprocessing, seams between detection blocks, blob resizing) are refused with a
/// message naming them rather than accepted and ignored. Built-in profiles still carry their values.
/// </summary>
public static class RoiProfileOverrides
{
    private static readonly Dictionary<string, Func<RoiProfile, string, RoiProfile>> Setters = new(StringComparer.Ordinal)
    {
        ["segment_size"] = (p, v) => p with { SegmentSize = Positive(v) },
        ["verify_tol_factor"] = (p, v) => p with { VerifyTolFactor = Vector(v, positive: true) },
        ["isotropic"] = (p, v) => p with { Isotropic = IsNone(v) ? null : Vector(v, positive: true) },
        ["min_sigma_factor"] = (p, v) => p with { MinSigmaFactor = Positive(v) },
        ["max_sigma_factor"] = (p, v) => p with { MaxSigmaFactor = Positive(v) },
        ["num_sigma"] = (p, v) => p with { NumSigma = (int)Positive(v) },
        ["detection_threshold"] = (p, v) => p with { DetectionThreshold = Number(v) },
        ["overlap"] = (p, v) => p with { Overlap = Number(v) },
    };

    /// <summary>
    /// MagellanMapper settings Coloc does not use: preprocessing (<c>denoise_size</c>, <c>clip_*</c>,
    /// <c>max_thresh_factor</c>, <c>tot_var_denoise</c>, <c>unsharp_strength</c>, <c>erosion_threshold</c>), seams of
    /// MagellanMapper's detection blocks, which Coloc does not have (<c>prune_tol_factor</c>, <c>exclude_border</c>,
    /// <c>sub_stack_max_pixels</c>), and blob resizing before matching (<c>resize_blobs</c>).
    /// </summary>
    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal)
    {
        "denoise_size", "clip_vmin", "clip_vmax", "max_thresh_factor", "clip_min", "clip_max", "tot_var_denoise",
        "unsharp_strength", "erosion_threshold", "prune_tol_factor", "exclude_border", "sub_stack_max_pixels",
        "resize_blobs",
    };

    /// <summary>The keys that can be set (each honoured).</summary>
    public static IReadOnlyCollection<string> Keys => Setters.Keys;

    /// <summary>MagellanMapper keys that are refused because Coloc does not use them.</summary>
    public static IReadOnlyCollection<string> RefusedKeys => Refused;

    /// <summary>Applies <c>key=value</c> assignments left to right.</summary>
    /// <exception cref="ArgumentException">Unknown or refused key, missing <c>=</c>, or a value of the wrong form (the message names it).</exception>
    public static RoiProfile Apply(RoiProfile profile, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(assignments);
        foreach (var a in assignments)
        {
            int eq = a.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"profile setting '{a}' is not key=value");
            string key = a[..eq].Trim(), value = a[(eq + 1)..].Trim();
            if (Refused.Contains(key)) throw new ArgumentException($"profile setting '{key}' is not supported by Coloc");
            if (!Setters.TryGetValue(key, out var set))
                throw new ArgumentException($"unknown profile setting '{key}' (known: {string.Join(", ", Setters.Keys)})");
            try
            {
                profile = set(profile, value);
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"profile setting '{key}': {e.Message}");
            }
        }
        return profile;
    }

    private static bool IsNone(string v) => v.Equals("none", StringComparison.OrdinalIgnoreCase);

    private static double Number(string v) =>
        double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d)
            ? d : throw new FormatException($"'{v}' is not a finite number");

    private static double Positive(string v) => Number(v) is var d && d > 0 ? d : throw new FormatException($"'{v}' must be > 0");

    private static Zyx Vector(string v, bool positive)
    {
        var parts = v.Split(',');
        if (parts.Length != 3) throw new FormatException($"'{v}' is not z,y,x");
        var r = new Zyx(Number(parts[0]), Number(parts[1]), Number(parts[2]));
        if (positive ? r.Min <= 0 : r.Min < 0) throw new FormatException($"'{v}' must be {(positive ? "> 0" : ">= 0")}");
        return r;
    }
}
