using System.Text.Json;
using System.Text.RegularExpressions;
using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Regions;

/// <summary>One oracle case of group R (README-regions.md section R), loaded from its plain files.</summary>
internal sealed class RegionCase
{
    public static TheoryData<string> Names()
    {
        var t = new TheoryData<string>();
        foreach (var d in RepoPaths.Cases("R")) t.Add(Path.GetFileName(d));
        return t;
    }

    public RegionCase(string dir)
    {
        Dir = dir;
        using var p = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "params.json")));
        var r = p.RootElement;
        FullShape = Shape(r.GetProperty("full_shape_zyx"));
        LabelsShape = Shape(r.GetProperty("labels_shape_zyx"));
        var s = r.GetProperty("scaling_zyx").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Scaling = new Zyx(s[0], s[1], s[2]);
        Channels = r.GetProperty("channels").EnumerateArray().Select(e => e.GetInt32()).ToArray();

        var labels = TestNpy.Read(Path.Combine(dir, "labels.npy"));
        LabelIds = labels.Values;
        if (!labels.Shape.SequenceEqual([LabelsShape.Z, LabelsShape.Y, LabelsShape.X]))
            throw new InvalidDataException($"{dir}: labels.npy shape differs from params.json");

        var b = OracleCsv.Read(Path.Combine(dir, "blobs.csv"));
        Blobs = Enumerable.Range(0, b.Rows.Length).Select(i => new Blob(
            b.Num(i, "z"), b.Num(i, "y"), b.Num(i, "x"), b.Num(i, "radius"), b.Num(i, "confirmed"), b.Num(i, "truth"), b.Num(i, "channel"))).ToArray();

        var sc = OracleCsv.Read(Path.Combine(dir, "expected", "scaled_coords.csv"));
        MagmapIndex = new (long, long, long)[Blobs.Length];
        for (int i = 0; i < sc.Rows.Length; i++)
            MagmapIndex[(int)sc.Num(i, "blob_index")] = ((long)sc.Num(i, "scaled_z"), (long)sc.Num(i, "scaled_y"), (long)sc.Num(i, "scaled_x"));

        foreach (var f in Directory.GetFiles(dir, "matches_c*_c*.csv").Order(StringComparer.Ordinal))
        {
            var m = Regex.Match(Path.GetFileName(f), @"^matches_c(\d+)_c(\d+)\.csv$");
            if (!m.Success) continue;
            var t = OracleCsv.Read(f);
            Blob Side(int i, string k) => new(t.Num(i, k + "_z"), t.Num(i, k + "_y"), t.Num(i, k + "_x"), t.Num(i, k + "_radius"),
                t.Num(i, k + "_confirmed"), t.Num(i, k + "_truth"), t.Num(i, k + "_channel"));
            var rows = Enumerable.Range(0, t.Rows.Length).Select(i => MatchRow.Of(Side(i, "blob1"), Side(i, "blob2"), t.Num(i, "distance"))).ToArray();
            Pairs.Add((new ChannelPair(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)), new BlobMatch(rows)));
        }
    }

    public string Dir { get; }
    public ZyxInt FullShape { get; }
    public ZyxInt LabelsShape { get; }
    public Zyx Scaling { get; }
    public int[] Channels { get; }
    public long[] LabelIds { get; }
    public Blob[] Blobs { get; }

    /// <summary>Per input blob, the indices MagellanMapper's <c>scale_coords</c> returned (scaled_coords.csv; may be negative).</summary>
    public (long Z, long Y, long X)[] MagmapIndex { get; }

    public List<(ChannelPair Pair, BlobMatch Matches)> Pairs { get; } = [];

    public TestNpy Expected(string map) => TestNpy.Read(Path.Combine(Dir, "expected", $"heat_{map}.npy"));

    public OracleCsv RegionCounts => OracleCsv.Read(Path.Combine(Dir, "expected", "region_counts.csv"));

    public static RegionCase Load(string name) => new(RepoPaths.Case(name));

    private static ZyxInt Shape(JsonElement e)
    {
        var a = e.EnumerateArray().Select(x => x.GetInt32()).ToArray();
        return new ZyxInt(a[0], a[1], a[2]);
    }
}
