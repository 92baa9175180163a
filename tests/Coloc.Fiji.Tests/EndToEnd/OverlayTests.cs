using Coloc.Core.Blobs;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.IO.Csv;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>Issue 14, item 4: the overlay reads at a glance and leaves the user's own overlay alone.</summary>
[Collection(ImageJCollection.Name)]
public sealed class OverlayTests
{
    /// <summary>Counts the overlay's elements by name and prints the stroke colours of the first pair and each channel.</summary>
    internal const string CountMacro = """
        function countOverlay(tag) {
            mine = 0; coloc = 0; lines = 0; legend = 0; circles = 0; pairColor = ""; c1 = ""; c2 = "";
            for (i = 0; i < Overlay.size; i++) {
                Overlay.activateSelection(i);
                name = Roi.getName;
                if (name == "mine") mine++;
                if (startsWith(name, "Coloc ")) coloc++;
                if (indexOf(name, " line ") > 0) lines++;
                if (name == "Coloc legend") legend++;
                if (selectionType() == 1 && startsWith(name, "Coloc ")) circles++;
                if (indexOf(name, " match ") > 0) pairColor = Roi.getStrokeColor;
                if (name == "Coloc C1 unmatched") c1 = Roi.getStrokeColor;
                if (name == "Coloc C2 unmatched") c2 = Roi.getStrokeColor;
            }
            run("Select None");
            print(tag + " mine=" + mine + " coloc=" + coloc + " circles=" + circles + " lines=" + lines + " legend=" + legend
                + " pair=" + pairColor + " c1=" + c1 + " c2=" + c2);
        }
        """;

    [Fact]
    public void MatchBlobsTwice_OverlayWithUsersOwnRoi_ReplacesOnlyColocElements_LinesJoinPairs_LegendNamesColours()
    {
        using var ij = new ImageJHost();
        string blobs = Path.Combine(ij.Dir, "pairs.csv");
        // Two pairs (one in-plane, one a slice apart) and one unmatched blob per channel.
        BlobCsv.Write(blobs, [
            new Blob(5, 20, 20, 2, -1, -1, 0), new Blob(5, 40, 40, 2, -1, -1, 0), new Blob(2, 5, 50, 2, -1, -1, 0),
            new Blob(5, 20, 22, 2, -1, -1, 1), new Blob(6, 40, 40, 2, -1, -1, 1), new Blob(9, 55, 5, 2, -1, -1, 1),
        ]);
        var r = ij.RunMacro($$"""
            {{CountMacro}}
            newImage("ov", "8-bit black", 64, 64, 2, 12, 1);
            makeRectangle(1, 1, 5, 5); Roi.setName("mine"); Overlay.addSelection; run("Select None");
            run("Match Blobs", "blobs=[{{blobs}}] mode=exact tolerance=[3,3,3] unit=pixel");
            countOverlay("first");
            run("Match Blobs", "blobs=[{{blobs}}] mode=exact tolerance=[3,3,3] unit=pixel");
            countOverlay("second");
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var first = Line(r.Stdout, "first ");
        Assert.Equal(Line(r.Stdout, "second ")[7..], first[6..]);
        // Lines: one slice for the in-plane pair, two for the pair a slice apart. Legend: box + 1 pair + 2 channels.
        Assert.Contains("mine=1 ", first);
        Assert.Contains(" lines=3 legend=4 ", first);
        Assert.Contains(" pair=white c1=red c2=green", first);
        int circles = int.Parse(first.Split(" circles=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        int coloc = int.Parse(first.Split(" coloc=")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(circles + 3 + 4, coloc);
        Assert.True(circles >= 6 * 3, first);
    }

    /// <summary>
    /// On a 64×64 image the legend is small (4 px font, scaled with the zoom), translucent, and sits in the corner holding no blob: blobs in
    /// the top-left, top-right and bottom-left corners put it bottom right, covering none of them. The flattened
    /// overlay, zoomed 8×, is kept as out/screenshots/match-overlay-64px.png.
    /// </summary>
    [Fact]
    public void Legend_SmallImage_SitsInTheCornerWithoutBlobs_CoversNone_Screenshot()
    {
        using var ij = new ImageJHost();
        string blobs = Path.Combine(ij.Dir, "corners.csv"), png = Path.Combine(ij.Dir, "overlay.png");
        Blob[] rows = [
            new Blob(3, 6, 6, 3, -1, -1, 0), new Blob(3, 6, 8, 3, -1, -1, 1),
            new Blob(4, 8, 56, 3, -1, -1, 0), new Blob(4, 58, 7, 3, -1, -1, 1), new Blob(3, 30, 30, 3, -1, -1, 0),
            new Blob(3, 48, 5, 3, -1, -1, 0), new Blob(4, 5, 50, 3, -1, -1, 1),
        ];
        BlobCsv.Write(blobs, rows);
        var r = ij.RunMacro($$"""
            newImage("small", "8-bit black", 64, 64, 2, 8, 1);
            run("Make Composite");
            run("Match Blobs", "blobs=[{{blobs}}] mode=exact tolerance=[3,3,3] unit=pixel");
            for (i = 0; i < Overlay.size; i++) {
                Overlay.activateSelection(i);
                if (Roi.getName == "Coloc legend" && selectionType() == 0) {
                    getSelectionBounds(x, y, w, h);
                    print("box=" + x + "," + y + "," + w + "," + h);
                }
            }
            run("Select None");
            run("Duplicate...", "title=slice duplicate channels=1-2 slices=4");
            run("Scale...", "x=8 y=8 interpolation=None process create title=zoom");
            run("Flatten");
            saveAs("PNG", "{{png}}");
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var box = r.Stdout.Split("box=")[1].Split('\n')[0].Trim().Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var (x, y, w, h) = (box[0], box[1], box[2], box[3]);
        Assert.True(x > 10 && y > 32 && x + w <= 64 && y + h <= 64, $"legend at {x},{y} size {w}×{h}");
        Assert.True(h < 20, $"legend {h} px high on a 64 px image");
        Assert.DoesNotContain(rows, b => b.X >= x && b.X <= x + w && b.Y >= y && b.Y <= y + h);
        TestScreenshots.Keep(png, "match-overlay-64px.png");
    }

    /// <summary>
    /// The README's overlay scene (256×192, 16 slices, 1 µm voxels): channel 2's copy of each ball is shifted 2, 3 or
    /// 4 voxels in x, tolerance 4 µm. The three red/green pairs that look coincident but stay unmatched are the balls
    /// shifted by exactly 4 voxels at the same z: the tolerance is strict (a pair matches when its scaled distance is
    /// below 1, as in MagellanMapper), so they are right to stay unmatched; nothing differs in z. The flattened
    /// overlay, 3× zoomed, is kept as out/screenshots/match-overlay.png.
    /// </summary>
    [Fact]
    public void ReadmeScene_AdjacentUnmatchedPairs_AreExactlyOneToleranceApartAtTheSameZ_Screenshot()
    {
        using var ij = new ImageJHost();
        string blobsTable = Path.Combine(ij.Dir, "blobs.csv"), matches = Path.Combine(ij.Dir, "matches.csv"), png = Path.Combine(ij.Dir, "overlay.png");
        var r = ij.RunMacro($$"""
            setBatchMode(true);
            newImage("spots", "8-bit black", 256, 192, 2, 16, 1);
            run("Properties...", "channels=2 slices=16 frames=1 unit=micron pixel_width=1 pixel_height=1 voxel_depth=1");
            xs = newArray(40, 90, 150, 210, 60, 120, 180, 230, 100, 170); ys = newArray(60, 50, 70, 60, 120, 130, 110, 150, 170, 165); zs = newArray(7, 8, 8, 7, 8, 9, 7, 8, 8, 7);
            for (c = 1; c <= 2; c++) for (i = 0; i < xs.length; i++) for (dz = -6; dz <= 6; dz++) {
                if (c == 2 && i % 4 == 3) continue;
                if (c == 1 && i % 5 == 4) continue;
                z = zs[i] + dz; if (z < 1 || z > 16) continue;
                Stack.setPosition(c, z, 1);
                shift = 0; if (c == 2) shift = 2 + (i % 3);
                for (rr = 6; rr >= 1; rr--) {
                    d2 = rr * rr + dz * dz;
                    if (d2 > 36) continue;
                    setColor(round(220 * exp(-d2 / 18)));
                    fillOval(xs[i] + shift - rr, ys[i] - rr, 2 * rr + 1, 2 * rr + 1);
                }
            }
            run("Make Composite");
            run("Match Blobs", "mode=exact profile=[default] tolerance=[4,4,4] unit=micron");
            {{FijiTables.Save("Coloc Blobs", blobsTable)}}
            {{FijiTables.Save("Coloc Matches", matches)}}
            run("Duplicate...", "title=slice duplicate channels=1-2 slices=8");
            run("Scale...", "x=3 y=3 interpolation=None process create title=zoom");
            run("Flatten");
            saveAs("PNG", "{{png}}");
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var b = FijiTables.Read(blobsTable);
        var blobs = b.Rows.Select(row => (C: double.Parse(row[b.Column(h => h == "Channel")], inv), Z: double.Parse(row[b.Column(h => h == "Z (px)")], inv),
            Y: double.Parse(row[b.Column(h => h == "Y (px)")], inv), X: double.Parse(row[b.Column(h => h == "X (px)")], inv))).ToArray();
        var m = FijiTables.Read(matches);
        var matched = m.Rows.SelectMany(row => new[] { row[m.Column(h => h == "Blob1 index")], row[m.Column(h => h == "Blob2 index")] })
            .Select(v => int.Parse(v, inv)).ToHashSet();
        Assert.Equal(3, m.Rows.Length);
        // Every unmatched channel-1 blob's nearest unmatched channel-2 blob: the close ones are exactly 4 voxels off in x.
        var near = Enumerable.Range(0, blobs.Length).Where(i => blobs[i].C == 1 && !matched.Contains(i))
            .Select(i => Enumerable.Range(0, blobs.Length).Where(j => blobs[j].C == 2 && !matched.Contains(j))
                .Select(j => (Dz: blobs[j].Z - blobs[i].Z, Dy: blobs[j].Y - blobs[i].Y, Dx: blobs[j].X - blobs[i].X))
                .MinBy(d => d.Dz * d.Dz + d.Dy * d.Dy + d.Dx * d.Dx))
            .Where(d => Math.Abs(d.Dx) + Math.Abs(d.Dy) + Math.Abs(d.Dz) < 10).ToArray();
        Assert.Equal([(0.0, 0.0, 4.0), (0.0, 0.0, 4.0), (0.0, 0.0, 4.0)], near);
        TestScreenshots.Keep(png, "match-overlay.png");
    }

    [Fact]
    public void PairColours_AreFarFromEveryChannelColour()
    {
        var r = JavaHarness.Run("coloc.ij.OverlayColorProbe", "128m", 60);
        Assert.True(r.ExitCode == 0, r.ToString());
        // The smallest RGB distance between a pair colour and a channel colour (red, green, blue, grey, cyan, magenta, yellow).
        double min = double.Parse(r.Stdout.Split("min-distance=")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(min > 100, r.Stdout);
    }

    private static string Line(string stdout, string prefix) =>
        stdout.Split('\n').First(l => l.StartsWith(prefix, StringComparison.Ordinal)).Trim();
}
