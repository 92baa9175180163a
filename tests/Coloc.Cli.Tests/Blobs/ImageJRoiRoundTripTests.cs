using System.Globalization;
using Coloc.Cli;
using Coloc.TestKit;

namespace Coloc.Cli.Tests.Blobs;

/// <summary>
/// Point ROIs in both directions with ImageJ 1.53t itself: a macro clicks multipoint ROIs (per-point channel, slice
/// and counter, as the multipoint tool records them) and saves a <c>.roi</c> and a <c>RoiSet.zip</c>, which
/// <c>coloc blobs</c> reads as the clicked blobs; <c>coloc blobs --out .roi|.zip</c> files open in ImageJ (macro
/// <c>open</c> and <c>roiManager("Open")</c>) with the blobs' x, y, stack positions, counters and ROI positions.
/// </summary>
public sealed class ImageJRoiRoundTripTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDir();

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Clicks: x, y, channel (1-based), slice (1-based), counter.</summary>
    private static readonly (double X, double Y, int C, int Z, int Counter)[] HyperstackClicks =
        [(10, 12, 1, 2, 0), (20.5, 7.25, 2, 4, 1), (30, 40, 1, 5, 0), (280.75, 150.5, 2, 3, 1), (0, 0, 2, 1, 0)];

    private static readonly (double X, double Y, int C, int Z, int Counter)[] ZStackClicks =
        [(5, 6, 1, 1, 0), (7.5, 8, 1, 3, 2), (100, 120, 1, 5, 1)];

    [Fact]
    public void Multipoint_rois_and_a_RoiSet_saved_by_ImageJ_read_as_the_clicked_blobs()
    {
        string hyper = Path.Combine(_dir, "hyper.roi"), zstack = Path.Combine(_dir, "zstack.roi"), set = Path.Combine(_dir, "RoiSet.zip");
        string macro = $$"""
            newImage("hyper", "8-bit black", 300, 200, 2, 5, 1);
            {{Clicks(HyperstackClicks)}}
            getSelectionCoordinates(xs, ys);
            for (i = 0; i < xs.length; i++) print("hyper " + d2s(xs[i], 6) + " " + d2s(ys[i], 6) + " " + Roi.getPointPosition(i));
            saveAs("Selection", "{{hyper}}");
            roiManager("add");
            makeSelection("point", newArray(3, 4.5), newArray(5, 6));
            Roi.setPosition(2, 3, 1);
            roiManager("add");
            roiManager("Save", "{{set}}");
            newImage("zstack", "8-bit black", 300, 200, 5);
            {{Clicks(ZStackClicks)}}
            print("zcounters " + call("Coloc_Point_Clicks.counters"));
            saveAs("Selection", "{{zstack}}");
            """;
        string output = ImageJMacro.Run(macro, _dir);

        // ImageJ recorded what was clicked: stack index (z-1)*2 + c on the 2-channel hyperstack.
        var printed = ImageJMacro.Lines(output, "hyper");
        Assert.Equal(HyperstackClicks.Length, printed.Count);
        for (int i = 0; i < printed.Count; i++)
        {
            var k = HyperstackClicks[i];
            Assert.Equal([k.X, k.Y, (k.Z - 1) * 2 + k.C], printed[i].Select(s => double.Parse(s, Inv)));
        }
        Assert.Equal(string.Join(",", ZStackClicks.Select(k => k.Counter)), ImageJMacro.Lines(output, "zcounters").Single().Single());

        // The hyperstack's points: channel and slice from the stack index with --roi-channels 2.
        var expected = HyperstackClicks.Select(k => new[] { k.Z - 1, k.Y, k.X, k.C - 1 }).ToList();
        Assert.Equal(expected, ReadWithColoc(hyper, 2));
        // The RoiSet: the same points, then the second ROI's two points at its hyperstack channel 2, slice 3.
        Assert.Equal([.. expected, [2, 5, 3, 1], [2, 6, 4.5, 1]], ReadWithColoc(set, 2));
        // A plain z-stack: the stack index is the slice, the counter the channel.
        Assert.Equal(ZStackClicks.Select(k => new[] { k.Z - 1, k.Y, k.X, k.Counter }), ReadWithColoc(zstack, 1));
    }

    [Fact]
    public void One_point_rois_added_to_the_ROI_Manager_read_at_the_slice_and_channel_of_their_label()
    {
        // ImageJ stores no position for a point added with "t" (here roiManager("add")); its label SSSS-YYYY-XXXX has it.
        string zstack = Path.Combine(_dir, "zstack.zip"), hyper = Path.Combine(_dir, "hyper.zip");
        string macro = $$"""
            newImage("z", "8-bit black", 300, 200, 5);
            setSlice(2); makePoint(10, 11); roiManager("add");
            setSlice(4); makePoint(280, 150); roiManager("add");
            setSlice(4); makePoint(20, 21); roiManager("add");
            roiManager("Save", "{{zstack}}");
            roiManager("reset");
            newImage("h", "8-bit black", 300, 200, 2, 5, 1);
            Stack.setPosition(2, 3, 1); makePoint(5, 6); roiManager("add");
            Stack.setPosition(1, 4, 1); makePoint(7, 8); roiManager("add");
            roiManager("Save", "{{hyper}}");
            for (k = 0; k < roiManager("count"); k++) { roiManager("select", k); print("label " + Roi.getName); }
            """;
        string output = ImageJMacro.Run(macro, _dir);
        Assert.Equal([["0006-0006-0005"], ["0007-0008-0007"]], ImageJMacro.Lines(output, "label"));

        // One channel (the file's place), z from the label.
        Assert.Equal([[1, 11, 10, 0], [3, 150, 280, 0], [3, 21, 20, 0]], ReadWithColoc(zstack, 1));
        // Stack index 6 of 2 channels is channel 2, slice 3; 7 is channel 1, slice 4.
        Assert.Equal([[2, 6, 5, 1], [3, 8, 7, 0]], ReadWithColoc(hyper, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Our_roi_and_RoiSet_open_in_ImageJ_with_the_blobs_points(int stackChannels)
    {
        // z, y, x, channel; z rounds to the nearest slice.
        double[][] blobs = [[0, 5.5, 7.25, 0], [3.6, 40, 260.75, 2], [1.2, 12, 13, 1], [4, 1, 2, 0], [2.5, 100.125, 3.5, 1], [0.4, 199, 299, 2]];
        string csv = Path.Combine(_dir, "in.csv"), roi = Path.Combine(_dir, "ours.roi"), set = Path.Combine(_dir, "ours.zip");
        File.WriteAllLines(csv, ["z,y,x,radius,confirmed,truth,channel", .. blobs.Select(b => string.Create(Inv, $"{b[0]},{b[1]},{b[2]},2,1,1,{b[3]}"))]);
        foreach (var o in new[] { roi, set })
            Assert.Equal(0, Program.Run(["blobs", "--in", csv, "--out", o, "--roi-channels", stackChannels.ToString(Inv)], TextWriter.Null, TextWriter.Null));

        string macro = $$"""
            newImage("h", "8-bit black", 300, 200, {{stackChannels}}, 6, 1);
            open("{{roi}}");
            {{PrintPoints("roi")}}
            roiManager("Open", "{{set}}");
            for (k = 0; k < roiManager("count"); k++) {
                roiManager("select", k);
                Roi.getPosition(c, z, t);
                print("set " + Roi.getName + " " + c + " " + z + " " + t);
                {{PrintPoints("setpt")}}
            }
            """;
        string output = ImageJMacro.Run(macro, _dir);

        // Stack index as ImageJ's multipoint tool records it on a stack of N channels: slice*N + channel + 1.
        double[] Point(double[] b) => [(float)b[2], (float)b[1], Math.Round(b[0], MidpointRounding.AwayFromZero) * stackChannels + (stackChannels > 1 ? b[3] : 0) + 1, b[3]];
        Assert.Equal(blobs.Select(Point), Numbers(ImageJMacro.Lines(output, "roi")));
        var channels = blobs.Select(b => (int)b[3]).Distinct().Order().ToList();
        Assert.Equal(channels.Select(c => new[] { $"c{c}", stackChannels > 1 ? (c + 1).ToString(Inv) : "0", "0", "0" }), ImageJMacro.Lines(output, "set"));
        Assert.Equal(channels.SelectMany(c => blobs.Where(b => b[3] == c)).Select(Point), Numbers(ImageJMacro.Lines(output, "setpt")));

        // And back: our reader gives the blobs at their slices.
        var back = blobs.Select(b => new[] { Math.Round(b[0], MidpointRounding.AwayFromZero), (float)b[1], (float)b[2], b[3] }).ToList();
        Assert.Equal(back, ReadWithColoc(roi, stackChannels));
        Assert.Equal(channels.SelectMany(c => back.Where(b => b[3] == c)), ReadWithColoc(set, stackChannels));
    }

    /// <summary>Macro lines clicking <paramref name="clicks"/> into the current image.</summary>
    private static string Clicks(IEnumerable<(double X, double Y, int C, int Z, int Counter)> clicks) =>
        string.Join("\n", clicks.Select(k => string.Create(Inv, $"""s = call("Coloc_Point_Clicks.add", "{k.X}", "{k.Y}", "{k.C}", "{k.Z}", "{k.Counter}");""")));

    /// <summary>Macro lines printing "tag x y stackPosition counter" for each point of the selection.</summary>
    private static string PrintPoints(string tag) => $$"""
        getSelectionCoordinates(xs, ys);
        counters = split(call("Coloc_Point_Clicks.counters"), ",");
        for (i = 0; i < xs.length; i++) print("{{tag}} " + d2s(xs[i], 6) + " " + d2s(ys[i], 6) + " " + Roi.getPointPosition(i) + " " + counters[i]);
        """;

    private static List<double[]> Numbers(List<string[]> lines) => lines.Select(l => l.Select(s => double.Parse(s, Inv)).ToArray()).ToList();

    /// <summary><c>coloc blobs --in FILE --roi-channels N --out B.csv</c>: z, y, x, channel of each row.</summary>
    private List<double[]> ReadWithColoc(string file, int stackChannels)
    {
        string csv = Path.Combine(_dir, "read-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        var err = new StringWriter();
        int rc = Program.Run(["blobs", "--in", file, "--roi-channels", stackChannels.ToString(Inv), "--out", csv], TextWriter.Null, err);
        Assert.True(rc == 0, err.ToString());
        var lines = File.ReadAllLines(csv);
        Assert.Equal("z,y,x,radius,confirmed,truth,channel", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',').Select(s => double.Parse(s, Inv)).ToArray())
            .Select(r => new[] { r[0], r[1], r[2], r[6] }).ToList();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(_dir, true); }
        catch (IOException) { }
    }
}
