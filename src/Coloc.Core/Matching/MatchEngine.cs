using Coloc.Core.Blobs;
using Coloc.Core.Matching.Exact;
using Coloc.Core.Matching.Magmap;
using Coloc.Core.Parameters;

namespace Coloc.Core.Matching;

/// <summary>
/// The one entry point every front (CLI, native library, Fiji plugin) uses for match colocalization.
/// </summary>
public static class MatchEngine
{
    /// <summary>Runs <paramref name="request"/> on <paramref name="blobs"/>.</summary>
    /// <exception cref="ParameterException">The request is inconsistent (e.g. neither ROI nor shape, non-positive tolerance); it names the parameter.</exception>
    public static MatchSet Run(Blob[] blobs, MatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        return request.Mode switch
        {
            MatchMode.Magmap => RunMagmap(blobs, request, cancellationToken),
            MatchMode.Exact => RunExact(blobs, request, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Mode, "unknown mode"),
        };
    }

    private static MatchSet RunExact(Blob[] blobs, MatchRequest r, CancellationToken ct) =>
        ExactColocalizer.Colocalize(blobs, ExactOptions(r), ct);

    /// <summary>
    /// The exact-mode options <paramref name="r"/> implies (also for out-of-core runs, <see cref="SlabColocalizer"/>):
    /// ROI runs need an explicit tolerance (checked by <see cref="Validate"/>); stack runs default to the profile's
    /// (overlap base × verify_tol_factor), exactly as magmap mode.
    /// </summary>
    public static ExactMatchOptions ExactOptions(MatchRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ExactMatchOptions
        {
            TolVoxels = r.EffectiveTolVoxels(),
            Roi = r.Roi,
            Channels = r.Channels,
            Threads = r.Threads,
            BlockSizeVoxels = r.BlockSizeVoxels,
        };
    }

    private static MatchSet RunMagmap(Blob[] blobs, MatchRequest r, CancellationToken ct)
    {
        if (r.Roi is { } roi)
        {
            var tol = r.ResolveTolVoxels(default);
            return MagmapRoiColocalizer.Colocalize(blobs, roi, tol, r.InnerPaddingVoxels, r.Channels);
        }
        var options = new StackMatchOptions
        {
            Profile = r.Profile, ResolutionUm = r.ResolutionUm, Channels = r.Channels, Threads = r.Threads,
        };
        return MagmapStackColocalizer.ColocalizeStack(blobs, r.ShapeVoxels!.Value, options, ct);
    }

    /// <summary>
    /// Checks a request; throws a <see cref="ParameterException"/> carrying the declaration of the offending parameter
    /// (<see cref="MatchParameters"/>), which each front names its own way.
    /// </summary>
    public static void Validate(MatchRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if ((r.Roi is null) == (r.ShapeVoxels is null))
            throw new ParameterException(MatchParameters.Shape, "give either an ROI ({0} and {1}) or a stack shape, not both or neither", MatchParameters.RoiOffset, MatchParameters.RoiSize);
        var tolerance = r.TolUm is not null && r.TolVoxels is null ? SharedParameters.ToleranceUm : SharedParameters.Tolerance;
        if (r.Roi is { } roi)
        {
            if (!roi.Offset.IsFinite) throw new ParameterException(MatchParameters.RoiOffset, "must be finite");
            if (!roi.Size.IsFinite || roi.Size.Min <= 0) throw new ParameterException(MatchParameters.RoiSize, "must be finite and > 0 on every axis");
            if (r.TolVoxels is null && r.TolUm is null) throw new ParameterException(SharedParameters.Tolerance, "an ROI run needs a tolerance");
        }
        if (r.ShapeVoxels is { } s && (s.Z <= 0 || s.Y <= 0 || s.X <= 0))
            throw new ParameterException(MatchParameters.Shape, $"must be > 0 on every axis, got {s}");
        if (r.TolVoxels is not null && r.TolUm is not null)
            throw new ParameterException(SharedParameters.ToleranceUm, "not with {0} (give the tolerance in voxels or in µm)", SharedParameters.Tolerance);
        if (r.TolVoxels is { } t && (!t.IsFinite || t.Min <= 0)) throw new ParameterException(SharedParameters.Tolerance, $"must be finite and > 0 on every axis, got {t}");
        if (r.TolUm is { } u && (!u.IsFinite || u.Min <= 0)) throw new ParameterException(SharedParameters.ToleranceUm, $"must be finite and > 0 on every axis, got {u}");
        if (r.Mode == MatchMode.Magmap && r.Roi is null && (r.TolVoxels is not null || r.TolUm is not null))
            throw new ParameterException(tolerance, "magmap stack runs take the tolerance from the ROI profile; leave it out or use {0} exact", MatchParameters.Mode);
        if (!r.ResolutionUm.IsFinite || r.ResolutionUm.Min <= 0)
            throw new ParameterException(SharedParameters.Resolution, $"must be finite and > 0 on every axis, got {r.ResolutionUm}");
        if (r.InnerPaddingVoxels is { } p && (!p.IsFinite || p.Min < 0))
            throw new ParameterException(MatchParameters.InnerPadding, $"must be finite and >= 0, got {p}");
        if (r.Threads < 1) throw new ParameterException(SharedParameters.Threads, $"must be >= 1, got {r.Threads}");
        if (r.BlockSizeVoxels is { } bs && (bs.Z < 1 || bs.Y < 1 || bs.X < 1))
            throw new ParameterException(SharedParameters.BlockSize, $"must be >= 1 on every axis, got {bs}");
    }
}
