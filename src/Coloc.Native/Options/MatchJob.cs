using System.Globalization;
using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Parameters;

namespace Coloc.Native.Options;

/// <summary>
/// A Match Blobs run as the plugin asks for it: the engine request (shape from the image, resolution from its
/// calibration) plus where to write results.
/// </summary>
/// <param name="Request">The engine request; channels 0-based.</param>
/// <param name="OutputFolder">Folder for the CSV tables and summary.json, or null.</param>
/// <param name="DatabasePath">SQLite file to write, or null.</param>
/// <param name="Experiment">Experiment name for the database (given, else <see cref="ExperimentName.Of"/> the blob file), or null without a database.</param>
public sealed record MatchJob(MatchRequest Request, string? OutputFolder, string? DatabasePath, string? Experiment)
{
    /// <summary>No blob file was named: the caller detected the blobs on the image, so they are written beside the results.</summary>
    public bool BlobsDetected { get; init; }

    /// <summary>Largest stack accepted, in voxels: 2^45 (≈ 3.5·10^13, e.g. 4000 × 100000 × 87960), which keeps the block grid bounded.</summary>
    public const double MaxVoxels = 35184372088832;

    /// <summary>Builds a job from a macro option string and the image geometry.</summary>
    /// <param name="options">Option string with the keys of <see cref="CommandSpecs.Match"/>.</param>
    /// <param name="shapeZyx">Image shape z,y,x in voxels (each ≥ 1).</param>
    /// <param name="resolutionUm">Voxel size z,y,x in µm (each finite and &gt; 0).</param>
    /// <exception cref="ArgumentException">An option or the geometry is invalid; the message names it.</exception>
    public static MatchJob Parse(string? options, int[]? shapeZyx, double[]? resolutionUm)
    {
        var o = MacroOptions.Values(options, CommandSpecs.Match);
        if (shapeZyx is null || shapeZyx.Length != 3)
            throw new ArgumentException($"shape: expected 3 values z,y,x, got {shapeZyx?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}");
        if (shapeZyx.Any(v => v < 1)) throw new ArgumentException($"shape: every axis must be >= 1, got {string.Join(",", shapeZyx)}");
        if ((double)shapeZyx[0] * shapeZyx[1] * shapeZyx[2] > MaxVoxels)
            throw new ArgumentException($"shape: {string.Join("x", shapeZyx)} exceeds {MaxVoxels:0} voxels (2^45), more than any stack Coloc supports");
        if (resolutionUm is null || resolutionUm.Length != 3)
            throw new ArgumentException($"resolution: expected 3 values z,y,x in µm, got {resolutionUm?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}");
        var res = new Zyx(resolutionUm[0], resolutionUm[1], resolutionUm[2]);
        if (!res.IsFinite || res.Min <= 0) throw new ArgumentException($"resolution: must be finite and > 0 µm on every axis, got {res}");

        var request = MatchParameters.Request(o, new ZyxInt(shapeZyx[0], shapeZyx[1], shapeZyx[2]), res);
        string? experiment = MatchParameters.Experiment(o, o.Get(SharedParameters.Blobs));
        return new MatchJob(request, o.Get(SharedParameters.OutFolder), o.Get(SharedParameters.Database), experiment)
        {
            BlobsDetected = o.Get(SharedParameters.Blobs) is null,
        };
    }

    /// <summary>1-based channel list (<c>1,2</c>) → 0-based channels.</summary>
    /// <exception cref="ParameterException">Not whole numbers ≥ 1, or a repeat.</exception>
    public static int[] Channels(string text) => ParameterText.Channels(SharedParameters.Channels, text, 1);
}
