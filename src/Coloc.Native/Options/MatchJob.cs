using System.Globalization;
using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Native.Options;

/// <summary>
/// A Match Blobs run as the plugin asks for it: the engine request (shape from the image, resolution from its
/// calibration) plus where to write results.
/// </summary>
/// <param name="Request">The engine request; channels 0-based.</param>
/// <param name="OutputFolder">Folder for the CSV tables and summary.json, or null.</param>
/// <param name="DatabasePath">SQLite file to write, or null.</param>
/// <param name="Experiment">Experiment name for the database, or null (then no database may be given).</param>
public sealed record MatchJob(MatchRequest Request, string? OutputFolder, string? DatabasePath, string? Experiment)
{
    /// <summary>Largest stack accepted, in voxels: 2^45 (≈ 3.5·10^13, e.g. 4000 × 100000 × 87960), which keeps the block grid bounded.</summary>
    public const double MaxVoxels = 35184372088832;

    /// <summary>Builds a job from a macro option string and the image geometry.</summary>
    /// <param name="options">Option string with the keys of <see cref="CommandSpecs.Match"/>.</param>
    /// <param name="shapeZyx">Image shape z,y,x in voxels (each ≥ 1).</param>
    /// <param name="resolutionUm">Voxel size z,y,x in µm (each finite and &gt; 0).</param>
    /// <exception cref="ArgumentException">An option or the geometry is invalid; the message names it.</exception>
    public static MatchJob Parse(string? options, int[]? shapeZyx, double[]? resolutionUm)
    {
        var o = MacroOptions.Parse(options, CommandSpecs.Match);
        if (shapeZyx is null || shapeZyx.Length != 3)
            throw new ArgumentException($"shape: expected 3 values z,y,x, got {shapeZyx?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}");
        if (shapeZyx.Any(v => v < 1)) throw new ArgumentException($"shape: every axis must be >= 1, got {string.Join(",", shapeZyx)}");
        if ((double)shapeZyx[0] * shapeZyx[1] * shapeZyx[2] > MaxVoxels)
            throw new ArgumentException($"shape: {string.Join("x", shapeZyx)} exceeds {MaxVoxels:0} voxels (2^45), more than any stack Coloc supports");
        if (resolutionUm is null || resolutionUm.Length != 3)
            throw new ArgumentException($"resolution: expected 3 values z,y,x in µm, got {resolutionUm?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}");
        var res = new Zyx(resolutionUm[0], resolutionUm[1], resolutionUm[2]);
        if (!res.IsFinite || res.Min <= 0) throw new ArgumentException($"resolution: must be finite and > 0 µm on every axis, got {res}");

        Zyx? tol = o["tolerance"].Length == 0 ? null : PositiveVector(o["tolerance"], "tolerance");
        var request = new MatchRequest
        {
            Mode = o["mode"] == "magmap" ? MatchMode.Magmap : MatchMode.Exact,
            ShapeVoxels = new ZyxInt(shapeZyx[0], shapeZyx[1], shapeZyx[2]),
            ResolutionUm = res,
            Profile = RoiProfiles.Resolve(o["profile"]),
            TolUm = o["unit"] == "micron" ? tol : null,
            TolVoxels = o["unit"] == "pixel" ? tol : null,
            Channels = o["channels"].Length == 0 ? null : Channels(o["channels"]),
        };
        MatchEngine.Validate(request);
        var job = new MatchJob(request, Empty(o["output"]), Empty(o["database"]), Empty(o["experiment"]));
        if (job.DatabasePath is not null && job.Experiment is null)
            throw new ArgumentException("experiment: a name is needed with database= (the plugin uses the image title)");
        return job;
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;

    internal static double[] Numbers(string text, string key)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var r = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]) || !double.IsFinite(r[i]))
                throw new ArgumentException($"{key}: '{parts[i]}' is not a finite number (in '{text}')");
        return r;
    }

    private static Zyx PositiveVector(string text, string key)
    {
        var v = Numbers(text, key);
        if (v.Length != 3) throw new ArgumentException($"{key}: expected three numbers z,y,x, got '{text}'");
        if (v.Min() <= 0) throw new ArgumentException($"{key}: values must be > 0, got '{text}'");
        return new Zyx(v[0], v[1], v[2]);
    }

    /// <summary>1-based channel list (<c>1,2</c>) → 0-based channels.</summary>
    /// <exception cref="ArgumentException">Not whole numbers ≥ 1, or a repeat.</exception>
    public static int[] Channels(string text)
    {
        var v = Numbers(text, "channels");
        foreach (var c in v)
            if (c < 1 || c != Math.Floor(c) || c > 1_000_000)
                throw new ArgumentException($"channels: 1-based whole numbers >= 1 expected, got '{text}'");
        var r = v.Select(c => (int)c - 1).ToArray();
        if (r.Distinct().Count() != r.Length) throw new ArgumentException($"channels: a channel repeats in '{text}'");
        return r;
    }
}
