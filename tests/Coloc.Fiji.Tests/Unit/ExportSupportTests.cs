using Coloc.Core.Blobs;
using Coloc.Core.Image;
using Coloc.Core.Matching;
using Coloc.IO;
using Coloc.Native.Jni;
using Coloc.Native.Results;

namespace Coloc.Fiji.Tests.Unit;

public sealed class ExportSupportTests
{
    [Theory]
    [InlineData(typeof(ArgumentException), "java/lang/IllegalArgumentException")]
    [InlineData(typeof(FormatException), "java/lang/IllegalArgumentException")]
    [InlineData(typeof(NotSupportedException), "java/lang/IllegalArgumentException")]
    [InlineData(typeof(OperationCanceledException), "java/util/concurrent/CancellationException")]
    [InlineData(typeof(OutOfMemoryException), "java/lang/OutOfMemoryError")]
    [InlineData(typeof(IOException), "java/lang/RuntimeException")]
    [InlineData(typeof(NullReferenceException), "java/lang/IllegalStateException")]
    public void Translate_DotNetException_MapsToJavaClass(Type type, string javaClass)
    {
        var e = (Exception)Activator.CreateInstance(type, "boom")!;
        Assert.Equal(javaClass, ExportGuard.Translate(e).JavaClass);
    }

    [Fact]
    public void Translate_Messages_AreOneLineWithoutParameterSuffix()
    {
        Assert.Equal("shape: bad", ExportGuard.Translate(new ArgumentException("shape: bad", "shape")).Message);
        Assert.Equal("a b", ExportGuard.Translate(new ColocFormatException("a\nb")).Message);
        Assert.Equal("x: y", ExportGuard.Translate(new JavaException("java/lang/Foo", "x: y")).Message);
        Assert.Equal("java/lang/IllegalArgumentException", ExportGuard.Translate(new AggregateException(new ArgumentException("inner"))).JavaClass);
        Assert.StartsWith("coloc internal error (InvalidOperationException): z", ExportGuard.Translate(new InvalidOperationException("z")).Message);
    }

    [Fact]
    public void Flatten_TwoPairs_RowsInKeyOrderWithInputIndicesAndColours()
    {
        Blob B(double z, int c) => new(z, 1, 2, 3, -1, -1, c);
        Blob[] input = [B(1, 0), B(2, 1), B(3, 2), B(4, 0)];
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch([MatchRow.Of(input[3], input[1], 1.5)]));
        set.Add(new ChannelPair(0, 2), new BlobMatch([MatchRow.Of(input[0], input[2], 2.5), MatchRow.Of(input[3], B(9, 2), 0.5)]));
        var t = MatchTable.Flatten(set, input);
        Assert.Equal(3 * MatchTable.Columns, t.Length);
        Assert.Equal([0, 1, 3, 1, 4, 1, 2, 3, 2, 1, 2, 3, 1.5, MatchColors.At(0)], t[..14]);
        Assert.Equal([0, 2, 0, 2], t[14..18]);
        Assert.Equal([0, 2, 3, -1], t[28..32]);
        Assert.Equal(MatchColors.At(1), t[41]);
        var summary = MatchTable.Summary(MatchSummary.Of("magmap", set, input)).Split('\n');
        Assert.Equal("pair\tmatches\tblobs_a\tblobs_b\tpct_a\tpct_b\ttext", summary[0]);
        Assert.StartsWith("0,2\t2\t2\t1\t100\t200\t0,2: 2 matches", summary[2]);
    }

    [Fact]
    public void IntensityStatistics_KnownPlanes_MinMaxMeanCount()
    {
        var s = new IntensityStatistics();
        s.Add(new byte[] { 0, 10, 255, 5 });
        s.Add(new byte[] { 30 });
        Assert.Equal((0d, 255d, 60d, 5L), (s.Min, s.Max, s.Mean, s.Count));
        var u = new IntensityStatistics();
        u.Add(new ushort[] { 65535, 1 });
        Assert.Equal((1d, 65535d, 32768d), (u.Min, u.Max, u.Mean));
        var f = new IntensityStatistics();
        f.Add(new[] { 1.5f, float.NaN, -2f });
        Assert.Equal((-2d, 1.5d, -0.25d, 2L, 1L), (f.Min, f.Max, f.Mean, f.Count, f.NaNCount));
        Assert.True(double.IsNaN(new IntensityStatistics().Mean));
    }
}
