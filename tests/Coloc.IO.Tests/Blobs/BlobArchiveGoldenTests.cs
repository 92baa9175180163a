using System.Globalization;
using System.Text.Json;
using Coloc.IO.Blobs;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Blobs;

/// <summary>
/// Every oracle case of group N (MagellanMapper <c>*_blobs.npz</c> archives, found by <see cref="RepoPaths.Cases"/>):
/// the MagellanMapper-compatible view of <see cref="BlobArchive"/> equals what MagellanMapper's <c>Blobs().load_blobs</c>
/// returned. Tolerance: exact (header text equal; every value parsed from the CSV equals the read double bit for bit;
/// meta values equal; colocs equal).
/// </summary>
public sealed class BlobArchiveGoldenTests
{
    public static TheoryData<string> CaseNames()
    {
        var d = new TheoryData<string>();
        foreach (var c in RepoPaths.Cases("N")) d.Add(Path.GetFileName(c));
        return d;
    }

    [Fact]
    public void The_bundled_group_N_cases_are_found() => Assert.True(RepoPaths.Cases("N").Count() >= 8);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Blobs_equal_expected_csv(string name)
    {
        string dir = RepoPaths.Case(name);
        var a = BlobArchive.Read(Path.Combine(dir, "sample_blobs.npz"));
        var lines = File.ReadAllLines(Path.Combine(dir, "expected", "blobs.csv"));
        Assert.Equal(lines[0].Split(','), a.MagellanMapperHeader);
        var rows = lines.Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.Equal(rows.Length, a.RowCount);
        for (int r = 0; r < rows.Length; r++)
        {
            var cells = rows[r].Split(',');
            Assert.Equal(a.ColumnCount, cells.Length);
            for (int c = 0; c < cells.Length; c++)
            {
                double expected = double.Parse(cells[c], CultureInfo.InvariantCulture);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(a[r, c]) || expected == a[r, c],
                    $"{name} row {r} column {c}: expected {cells[c]}, read {a[r, c]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Meta_equals_expected_meta_json(string name)
    {
        string dir = RepoPaths.Case(name);
        var a = BlobArchive.Read(Path.Combine(dir, "sample_blobs.npz"));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected", "meta.json")));
        var m = doc.RootElement;

        Assert.Equal(Strings(m.GetProperty("archive_keys")), a.Keys);
        Assert.Equal(Strings(m.GetProperty("skipped_by_read_np_archive")), a.SkippedKeys);
        var verIn = m.GetProperty("ver_in_archive");
        Assert.Equal(verIn.ValueKind == JsonValueKind.Null ? null : verIn.GetInt64(), a.VersionInArchive);
        Assert.Equal(m.GetProperty("ver").GetProperty("value").GetInt32(), a.VersionAfterLoad);
        Assert.Equal(Strings(m.GetProperty("cols")), a.MagellanMapperColumns);
        Assert.Equal(Strings(m.GetProperty("blobs_csv_header")), a.MagellanMapperHeader);
        var shape = m.GetProperty("blobs_shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(shape, new[] { a.RowCount, a.ColumnCount });

        var res = m.GetProperty("resolutions");
        if (res.GetProperty("is_none").GetBoolean()) Assert.Null(a.Resolutions);
        else
        {
            Assert.NotNull(a.Resolutions);
            Assert.Equal(Longs(res.GetProperty("shape")), a.Resolutions!.Shape);
            Assert.Equal(res.GetProperty("dtype").GetString(), a.Resolutions.Dtype.Descr);
            Assert.Equal(Flatten(res.GetProperty("value")), a.Resolutions.ToDoubles());
        }

        var bn = m.GetProperty("basename");
        Assert.Equal(bn.GetProperty("is_none").GetBoolean() ? null : bn.GetProperty("value").GetString(), a.Basename);

        foreach (var (key, actual) in new[] { ("roi_offset", a.RoiOffset), ("roi_size", a.RoiSize) })
        {
            var e = m.GetProperty(key);
            if (e.GetProperty("is_none").GetBoolean()) Assert.Null(actual);
            else Assert.Equal(Flatten(e.GetProperty("value")).Select(v => (long)v), actual!);
        }

        var co = m.GetProperty("colocalizations");
        if (co.GetProperty("is_none").GetBoolean()) Assert.Null(a.Colocalizations);
        else
        {
            Assert.NotNull(a.Colocalizations);
            Assert.Equal(co.GetProperty("dtype").GetString(), a.Colocalizations!.Dtype.Descr);
            Assert.Equal(Longs(co.GetProperty("shape")), a.Colocalizations.Shape);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Colocs_equal_expected_colocs_csv(string name)
    {
        string dir = RepoPaths.Case(name);
        var a = BlobArchive.Read(Path.Combine(dir, "sample_blobs.npz"));
        string file = Path.Combine(dir, "expected", "colocs.csv");
        if (!File.Exists(file))
        {
            Assert.Null(a.Colocalizations);
            return;
        }
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToArray();
        var co = a.Colocalizations!;
        int channels = (int)co.Shape[1];
        Assert.Equal(lines[0].Split(','), new[] { "blob_index" }.Concat(Enumerable.Range(0, channels).Select(c => $"c{c}")));
        Assert.Equal(lines.Length - 1, (int)co.Shape[0]);
        var values = co.ToInt64s()!;
        for (int r = 0; r + 1 < lines.Length; r++)
        {
            var cells = lines[r + 1].Split(',').Select(long.Parse).ToArray();
            Assert.Equal(r, cells[0]);
            Assert.Equal(cells[1..], values.AsSpan(r * channels, channels).ToArray());
        }
    }

    private static string[] Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];

    private static long[] Longs(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt64())];

    private static double[] Flatten(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? [.. e.EnumerateArray().SelectMany(Flatten)] : [e.GetDouble()];
}
