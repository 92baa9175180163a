using Coloc.Core.Matching;
using Coloc.Core.Geometry;
using Coloc.Core.Profiles;
using Coloc.IO.Csv;
using Coloc.IO.Results;

namespace Coloc.Fiji.Tests.ImageJ;

/// <summary>The engine's own output for a run, written exactly as <c>coloc match</c> writes it.</summary>
public static class EngineReference
{
    /// <summary>
    /// Runs <see cref="MatchEngine"/> on a blob CSV for a stack and writes the folder like the CLI; with
    /// <paramref name="withBlobs"/> also blobs.csv, as Fiji's Match Blobs does when it detected the blobs itself.
    /// </summary>
    public static string Write(string blobsCsv, MatchMode mode, string profile, ZyxInt shape, Zyx resolutionUm, string folder, bool withBlobs = false)
    {
        var blobs = BlobCsv.Read(blobsCsv);
        var request = new MatchRequest { Mode = mode, ShapeVoxels = shape, ResolutionUm = resolutionUm, Profile = RoiProfiles.Resolve(profile) };
        var matches = MatchEngine.Run(blobs, request);
        ResultWriter.Write(new ResultTarget { Folder = folder }, new ResultContent(matches, MatchSummary.Of(mode.ToString().ToLowerInvariant(), matches, blobs)) { Request = request, Blobs = withBlobs ? blobs : null });
        return folder;
    }

    /// <summary>Asserts that two result folders hold the same files with the same bytes.</summary>
    public static void AssertSameFolder(string expected, string actual)
    {
        var e = Directory.GetFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var a = Directory.Exists(actual) ? Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray() : [];
        Assert.Equal(e, a);
        foreach (var f in e)
            Assert.True(File.ReadAllBytes(Path.Combine(expected, f!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, f!))),
                $"{f} differs between {expected} and {actual}");
    }
}
