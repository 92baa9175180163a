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
