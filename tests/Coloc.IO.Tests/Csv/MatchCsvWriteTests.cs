using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.IO.Csv;
using CsCheck;

namespace Coloc.IO.Tests.Csv;

/// <summary>The chunked parallel match writer writes the bytes of a plain row-by-row writer, for any thread count.</summary>
public sealed class MatchCsvWriteTests
{
    private static readonly double[] Values = [0, -1, 12, 3.5, 1.4142135623730951, -0.0, 1e15, 1e-7, 2.9999999999999996, double.NaN, 123456789.125, -1e300];

    [Fact]
    public void Write_RandomTables_EqualRowByRowWriterForAnyThreads()
    {
        var gen = from n in Gen.Int[0, 20_000]
                  from seed in Gen.Int
                  select (n, seed);
        gen.Sample(t =>
        {
            var rnd = new Random(t.seed);
            double V() => Values[rnd.Next(Values.Length)];
            Blob B() => new(V(), V(), V(), V(), V(), V(), rnd.Next(3));
            var rows = Enumerable.Range(0, t.n).Select(_ => new MatchRow(
                rnd.Next(4) == 0 ? rnd.Next() : null, null, rnd.Next(2) == 0 ? -5 : null, B(), null, B(), V())).ToArray();
            var m = new BlobMatch(rows);
            string expected = Plain(m);
            foreach (int threads in new[] { 1, 2, 3 })
            {
                var w = new StringWriter();
                MatchCsv.Write(w, m, threads);
                Assert.Equal(expected, w.ToString());
            }
        }, iter: 20);
    }

    private static string Plain(BlobMatch m)
    {
        var w = new StringWriter();
        w.Write(MatchCsv.Header + "\n");
        foreach (var r in m.Rows)
        {
            if (r.MatchId is long a) w.Write(a);
            w.Write(',');
            if (r.RoiId is long b) w.Write(b);
            w.Write(',');
            if (r.Blob1Id is long c) w.Write(c);
            for (int k = 0; k < 7; k++) { w.Write(','); CsvNumber.Write(w, r.Blob1[k]); }
            w.Write(',');
            if (r.Blob2Id is long d) w.Write(d);
            for (int k = 0; k < 7; k++) { w.Write(','); CsvNumber.Write(w, r.Blob2[k]); }
            w.Write(',');
            CsvNumber.Write(w, r.Distance);
            w.Write('\n');
        }
        return w.ToString();
    }
}
