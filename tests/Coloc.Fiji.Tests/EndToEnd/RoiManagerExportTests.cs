using Coloc.Core.Blobs;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.IO.Blobs;
using Coloc.IO.Csv;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>Issue 13, item 2 (Fiji side): matched and unmatched blobs into the ROI Manager as point ROIs with channel and slice.</summary>
[Collection(ImageJCollection.Name)]
public sealed class RoiManagerExportTests
{
    [Fact]
    public void BlobsToRoiManager_AfterMatchBlobs_OnePointRoiPerBlobAndPair_NamedWithChannelAndSlice_SavedSetReadsBackAsTheBlobs()
    {
        using var ij = new ImageJHost();
        string blobs = Path.Combine(ij.Dir, "pairs.csv"), set = Path.Combine(ij.Dir, "RoiSet.zip");
        // Two pairs (one a slice apart) and one unmatched blob per channel, plus a user's own ROI that must stay.
        Blob[] rows = [
            new Blob(5, 20, 20, 2, -1, -1, 0), new Blob(5, 40, 40, 2, -1, -1, 0), new Blob(2, 5, 50, 2, -1, -1, 0),
            new Blob(5, 20, 22, 2, -1, -1, 1), new Blob(6, 40, 40, 2, -1, -1, 1), new Blob(9, 55, 5, 2, -1, -1, 1),
        ];
        BlobCsv.Write(blobs, rows);
        var r = ij.RunMacro($$"""
            newImage("rois", "8-bit black", 64, 64, 2, 12, 1);
            makeRectangle(1, 1, 5, 5); roiManager("add"); roiManager("select", 0); roiManager("rename", "mine"); run("Select None");
            run("Match Blobs", "blobs=[{{blobs}}] mode=exact tolerance=[3,3,3] unit=pixel");
            run("Blobs to ROI Manager");
            run("Blobs to ROI Manager");
            n = roiManager("count");
            for (i = 0; i < n; i++) {
                roiManager("select", i);
                Roi.getPosition(c, z, t);
                getSelectionCoordinates(xs, ys);
                print("roi " + RoiManager.getName(i) + " | type=" + selectionType() + " c=" + c + " z=" + z + " x=" + xs[0] + " y=" + ys[0]);
            }
            roiManager("select", 0);
            roiManager("delete");
            roiManager("save", "{{set}}");
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = r.Stdout.Split('\n').Where(l => l.StartsWith("roi ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        // The user's ROI, then (second export replacing the first) 2 pairs × 2 blobs and 2 unmatched: no duplicates.
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("roi mine |", lines[0]);
        Assert.Equal([
            "roi Coloc 1,2 pair 1 C1 | type=10 c=1 z=6 x=20 y=20",
            "roi Coloc 1,2 pair 1 C2 | type=10 c=2 z=6 x=22 y=20",
            "roi Coloc 1,2 pair 2 C1 | type=10 c=1 z=6 x=40 y=40",
            "roi Coloc 1,2 pair 2 C2 | type=10 c=2 z=7 x=40 y=40",
            "roi Coloc C1 unmatched 2 | type=10 c=1 z=3 x=50 y=5",
            "roi Coloc C2 unmatched 5 | type=10 c=2 z=10 x=5 y=55",
        ], lines.Skip(1).Order(StringComparer.Ordinal));
        Assert.Contains("Blobs to ROI Manager: 6 point ROIs (4 in 2 matched pairs, 2 unmatched)", r.Stdout);

        // The saved set, read by Coloc's own reader, gives back the blobs' centres, slices and channels.
        var back = BlobFormats.Read(set).Blobs.Select(b => (b.Z, b.Y, b.X, b.Channel)).Order().ToArray();
        Assert.Equal(rows.Select(b => (b.Z, b.Y, b.X, b.Channel)).Order(), back);
    }
}
