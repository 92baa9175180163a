using System.Globalization;
using System.Text.Json;
using Coloc.IO.Csv;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Magmap;

/// <summary>
/// Compares a folder written by <c>coloc match</c> with an oracle <c>expected*/</c> folder: the same pair keys in the
/// same order with the same counts, and every match table equal row for row in MagellanMapper's native order
/// (the oracle's rows sorted by <c>native_index</c>), every number bit-identical (tolerance: none).
/// </summary>
internal static class OracleMatchAssert
{
    public static void FolderEquals(string expectedDir, string actualDir, IReadOnlyCollection<int>? channels = null)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(expectedDir, "summary.json")));
        var expectedPairs = summary.RootElement.GetProperty("pairs").EnumerateArray()
            .Select(p => (p[0].GetInt32(), p[1].GetInt32()))
            .Where(p => channels is null || (channels.Contains(p.Item1) && channels.Contains(p.Item2)))
            .ToArray();
        using var ours = JsonDocument.Parse(File.ReadAllText(Path.Combine(actualDir, "summary.json")));
        var actualPairs = ours.RootElement.GetProperty("pairs").EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray();
        Assert.Equal(expectedPairs, actualPairs);
        foreach (var (a, b) in expectedPairs)
        {
            string key = $"{a},{b}";
            int count = summary.RootElement.GetProperty("counts").GetProperty(key).GetInt32();
            Assert.Equal(count, ours.RootElement.GetProperty("counts").GetProperty(key).GetInt32());
            var actualFile = Path.Combine(actualDir, $"matches_c{a}_c{b}.csv");
            var expectedFile = Path.Combine(expectedDir, $"matches_c{a}_c{b}.csv");
            var actual = ReadOurs(actualFile);
            var expected = File.Exists(expectedFile) ? ReadExpectedNativeOrder(expectedFile) : [];
            Assert.Equal(count, expected.Length);
            Assert.Equal(expected.Length, actual.Length);
            for (int r = 0; r < expected.Length; r++)
                Assert.True(expected[r].SequenceEqual(actual[r]),
                    $"pair {key} row {r}: expected [{Fmt(expected[r])}] got [{Fmt(actual[r])}]");
        }
    }

    /// <summary>Oracle rows (blob1 7 values, blob2 7 values, distance) sorted by native_index.</summary>
    public static double[][] ReadExpectedNativeOrder(string path)
    {
        var t = OracleCsv.Read(path);
        int ni = t.Col("native_index");
        return t.Rows
            .OrderBy(r => int.Parse(r[ni], CultureInfo.InvariantCulture))
            .Select(r => r.Where((_, k) => k != ni).Select(Parse).ToArray())
            .ToArray();
    }

    /// <summary>Our rows as (blob1 7 values, blob2 7 values, distance); the id columns must be empty.</summary>
    public static double[][] ReadOurs(string path)
    {
        using var r = new StreamReader(path);
        var m = MatchCsv.Read(r, path);
        return m.Rows.Select(row =>
        {
            Assert.Null(row.MatchId);
            Assert.Null(row.Blob1Id);
            return Enumerable.Range(0, 7).Select(k => row.Blob1[k])
                .Concat(Enumerable.Range(0, 7).Select(k => row.Blob2[k]))
                .Append(row.Distance).ToArray();
        }).ToArray();
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Fmt(double[] v) => string.Join(",", v.Select(CsvNumber.Format));
}
