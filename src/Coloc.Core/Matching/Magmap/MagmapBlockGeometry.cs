using Coloc.Core.Geometry;
using Coloc.Core.Profiles;

namespace Coloc.Core.Matching.Magmap;

/// <summary>
/// The block geometry and match tolerance MagellanMapper's <c>colocalize_stack</c> derives from the ROI profile and the
/// resolution (<c>stack_detect.setup_blocks</c>, <c>detector.calc_overlap</c> and the start of
/// <c>colocalize_stack</c>).
/// </summary>
public sealed record MagmapBlockGeometry
{
    /// <summary>MagellanMapper's <c>detector.OVERLAP_FACTOR</c>.</summary>
    public const int OverlapFactor = 5;

    /// <summary>Derives the geometry.</summary>
    /// <param name="profile">Channel 0's ROI profile.</param>
    /// <param name="resolutionUm">Voxel size z,y,x in µm (each finite, &gt; 0).</param>
    public MagmapBlockGeometry(RoiProfile profile, Zyx resolutionUm)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!resolutionUm.IsFinite || resolutionUm.Min <= 0)
            throw new ArgumentOutOfRangeException(nameof(resolutionUm), resolutionUm, "resolution must be finite and > 0 on every axis");
        var sf = 1.0 / resolutionUm;
        if (!((sf * Math.Max(profile.SegmentSize, OverlapFactor)).Max < int.MaxValue / 4))
            throw new ArgumentOutOfRangeException(nameof(resolutionUm), resolutionUm, $"resolution {resolutionUm} µm/voxel makes a block of segment_size {profile.SegmentSize} µm more than 2^29 voxels long");
        OverlapBase = CeilInt(sf * OverlapFactor);
        MaxPixels = CeilInt(sf * profile.SegmentSize);
        MatchTolVoxels = OverlapBase.ToZyx() * profile.VerifyTolFactor;
        var padZyx = MatchTolVoxels.Map(Math.Floor);
        CollocOverlap = new ZyxInt((int)padZyx.Z + OverlapBase.X, (int)padZyx.Y + OverlapBase.Y, (int)padZyx.X + OverlapBase.Z);
    }

    /// <summary><c>ceil(5 / resolution)</c> per axis, voxels.</summary>
    public ZyxInt OverlapBase { get; }

    /// <summary>Block step <c>ceil(segment_size / resolution)</c> per axis, voxels.</summary>
    public ZyxInt MaxPixels { get; }

    /// <summary>Match tolerance <c>overlap_base × verify_tol_factor</c>, z,y,x, voxels.</summary>
    public Zyx MatchTolVoxels { get; }

    /// <summary>
    /// Overlap of neighbouring match blocks, z,y,x, voxels: MagellanMapper's
    /// <c>(floor(tol_z)+ob_x, floor(tol_y)+ob_y, floor(tol_x)+ob_z)</c>, with the overlap base's z and x swapped
    /// (README, Differences from MagellanMapper, D4; the intended formula is <c>floor(tol)+ob</c> per axis).
    /// </summary>
    public ZyxInt CollocOverlap { get; }

    /// <summary>The match blocks of a stack.</summary>
    public Block[] Blocks(ZyxInt shape) => new BlockGrid(shape, MaxPixels, CollocOverlap).Blocks();

    private static ZyxInt CeilInt(Zyx v) => new((int)Math.Ceiling(v.Z), (int)Math.Ceiling(v.Y), (int)Math.Ceiling(v.X));
}
