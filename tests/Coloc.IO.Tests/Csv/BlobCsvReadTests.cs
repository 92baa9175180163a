using System.Text;
using Coloc.Core.Blobs;
using Coloc.IO;
using Coloc.IO.Csv;
using Coloc.TestKit;
using CsCheck;

namespace Coloc.IO.Tests.Csv;

/// <summary>
/// The block-parallel file reader of <see cref="BlobCsv"/> gives exactly what the line-by-line text reader gives:
/// the same blobs bit for bit, or the same one-line message (same line number) on bad input.
/// </summary>
public sealed class BlobCsvReadTests
{
    private static readonly string[] Numbers =
        ["0", "12", "-1", "3.5", "-0", "-0.0", "007", "1.", ".5", "2.9999999999999996", "1.4142135623730951", "1e3", "-2.5E-3",
         " 4 ", "+6", "123456789012345678", "0.1", "5000000000000000.5", "nan", "inf", "x", "", "1,5"];

    private static readonly string[] Ends = ["\n", "\r\n", "\r"];

    private static readonly Gen<string> Csv =
        from header in Gen.Int[0, 2]
        from rows in Gen.Int[0, 40]
        from cells in Gen.Int[0, Numbers.Length - 1].Array[rows * 8]
        from ends in Gen.Int[0, 2].Array[rows + 1]
        from blanks in Gen.Int[0, 9].Array[rows]
        from bad in Gen.Int[0, 3]
        select Build(header, rows, cells, ends, blanks, bad);

    private static string Build(int header, int rows, int[] cells, int[] ends, int[] blanks, int bad)
    {
        var sb = new StringBuilder();
        sb.Append(header switch { 0 => "z,y,x,radius,confirmed,truth,channel", 1 => "channel,x,extra,y,z,radius,truth,confirmed", _ => "\uFEFFz,y,x,radius,confirmed,truth,channel,note" });
        int width = header == 0 ? 7 : 8;
        sb.Append(Ends[ends[0]]);
        for (int r = 0; r < rows; r++)
        {
            if (blanks[r] == 0) { sb.Append("  ").Append(Ends[ends[r + 1]]); continue; }
            for (int c = 0; c < width; c++)
            {
                if (c > 0) sb.Append(',');
                // Mostly clean numbers (channel whole), now and then anything from the list.
                int pick = cells[r * 8 + c];
                bool wild = bad == 0 && blanks[r] == 1;
                bool isChannel = (header == 1 && c == 0) || (header != 1 && c == 6);
                sb.Append(isChannel && !wild ? (pick % 3).ToString() : wild ? Numbers[pick] : Numbers[pick % 12]);
                if (header == 2 && c == 7 && blanks[r] == 2) sb.Append("é");
            }
            sb.Append(Ends[ends[r + 1]]);
        }
        return sb.ToString();
    }

    [Fact]
    public void Read_RandomFiles_FileReaderEqualsTextReader()
    {
        Csv.Sample(text =>
        {
            string path = Path.Combine(RepoPaths.NewTempDir(), "blobs.csv");
            File.WriteAllText(path, text, new UTF8Encoding(false));
            var expected = Outcome(() => BlobCsv.Read(new StringReader(text), path));
            Assert.Equal(expected, Outcome(() => BlobCsv.Read(path, 2)));
            foreach (int block in new[] { 7, 64 })
                Assert.Equal(expected, Outcome(() => BlobCsvReader.Read(path, 3, block)!));
        }, iter: 300);
    }

    [Fact]
    public void Read_LargeFileWithBadLineDeepInside_ReportsThatLine()
    {
        var sb = new StringBuilder(BlobCsv.Header + "\n");
        for (int i = 0; i < 200_000; i++) sb.Append(i % 7 == 0 ? "\r\n" : $"{i},{i % 100}.25,-{i},3,-1,-1,{i % 3}\n");
        sb.Append("1,2,3,4,5,6,seven\n");
        sb.Append("1,2,3,4,5,6,7\n");
        string path = Path.Combine(RepoPaths.NewTempDir(), "big.csv");
        File.WriteAllText(path, sb.ToString());
        var e = Assert.Throws<ColocFormatException>(() => BlobCsv.Read(path, 2));
        Assert.Equal($"{path}:200002: column 'channel' is not a number: 'seven'", e.Message);
        Assert.Equal(Outcome(() => BlobCsv.Read(new StringReader(sb.ToString()), path)), Outcome(() => BlobCsv.Read(path, 2)));
    }

    [Fact]
    public void Read_LargeFile_SameBlobsForAnyThreadCountAndBlockSize()
    {
        var blobs = BenchBlobs.Make(50_000, new Coloc.Core.Geometry.ZyxInt(20, 300, 300));
        string path = Path.Combine(RepoPaths.NewTempDir(), "b.csv");
        BlobCsv.Write(path, blobs);
        Assert.Equal(blobs, BlobCsv.Read(path, 1));
        Assert.Equal(blobs, BlobCsv.Read(path, 2));
        Assert.Equal(blobs, BlobCsvReader.Read(path, 2, 4096));
    }

    private static string Outcome(Func<Blob[]> read)
    {
        try
        {
            return string.Join(";", read().Select(b => string.Join(",", Enumerable.Range(0, 7).Select(k => BitConverter.DoubleToInt64Bits(b[k])))));
        }
        catch (ColocFormatException e)
        {
            return "error: " + e.Message;
        }
    }
}
