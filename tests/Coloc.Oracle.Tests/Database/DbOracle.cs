using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Profiles;
using Coloc.Core.Matching.Magmap;
using Coloc.IO.Csv;
using Coloc.Oracle.Tests.Magmap;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Database;

/// <summary>Inputs of oracle case D: the dict of case B01 and where the golden database dump lives.</summary>
internal static class DbOracle
{
    public static string Dir => RepoPaths.Case("db");

    public static string B01 => RepoPaths.Case("B01_stack_default_profile_2ch");

    /// <summary>The experiment name MagellanMapper used (insert_summary.json: from 'oracle_stack_b01_image5d.npy').</summary>
    public const string ExpName = "oracle_stack_b01";

    /// <summary>B01's matches in MagellanMapper's native order: default profile, resolution 1,1,1, shape from params.json.</summary>
    public static MatchSet B01Matches()
    {
        var p = OracleParams.Load(B01);
        var s = p.Vector("shape_zyx")!;
        var blobs = BlobCsv.Read(Path.Combine(B01, "blobs.csv"));
        var options = new StackMatchOptions { Profile = RoiProfiles.Default, ResolutionUm = Zyx.All(1), Threads = 2 };
        return MagmapStackColocalizer.ColocalizeStack(blobs, new ZyxInt((int)s[0], (int)s[1], (int)s[2]), options);
    }

    /// <summary>The golden dump's tables in rowid order.</summary>
    public static readonly string[] Tables = ["about", "experiments", "sqlite_sequence", "rois", "blobs", "blob_matches"];
}
