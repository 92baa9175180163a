using Coloc.IO.Blobs;
using Coloc.IO.Tests.Numpy;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Blobs;

/// <summary>
/// The correct column reading of <see cref="BlobArchive.Columns"/> against MagellanMapper's positional trim of old
/// archives (<see cref="BlobArchive.MagellanMapperHeader"/>).
/// </summary>
public sealed class BlobArchiveColumnTests
{
    private static byte[] Names(params string[] names)
    {
        int w = names.Max(n => n.Length);
        var data = names.SelectMany(n => System.Text.Encoding.UTF32.GetBytes(n.PadRight(w, '\0'))).ToArray();
        return NpyBytes.Npy(NpyBytes.Header($"<U{w}", false, names.Length), data);
    }

    private static byte[] Ver(long v) => NpyBytes.Npy("{'descr': '<i8', 'fortran_order': False, 'shape': (), }", BitConverter.GetBytes(v));

    private static byte[] Segments(int rows, int cols) =>
        NpyBytes.Npy(NpyBytes.Header("<f8", false, rows, cols), NpyBytes.Doubles([.. Enumerable.Range(0, rows * cols).Select(i => (double)i)]));

    [Fact]
    public void V4_region_after_abs_names_is_named_region_in_the_correct_view_and_abs_z_in_magellanmapper_view()
    {
        string[] names = ["z", "y", "x", "radius", "confirmed", "truth", "channel", "abs_z", "abs_y", "abs_x", "region"];
        string path = NpyBytes.Npz(RepoPaths.NewTempDir(), "v4_blobs.npz", false, ("ver.npy", Ver(4)), ("segments.npy", Segments(2, 8)), ("columns.npy", Names(names)));
        var a = BlobArchive.Read(path);
        Assert.Equal(["z", "y", "x", "radius", "confirmed", "truth", "channel", "abs_z"], a.MagellanMapperHeader);
        Assert.Equal(["z", "y", "x", "radius", "confirmed", "truth", "channel", "region"], a.Columns);
        Assert.Equal(7, a.ColumnIndex("region"));
    }

    [Fact]
    public void V3_without_columns_keeps_channel_in_the_correct_view()
    {
        string path = NpyBytes.Npz(RepoPaths.NewTempDir(), "v3_blobs.npz", false, ("ver.npy", Ver(3)), ("segments.npy", Segments(3, 7)));
        var a = BlobArchive.Read(path);
        Assert.Equal(["z", "y", "x", "radius", "unnamed_4", "unnamed_5", "unnamed_6"], a.MagellanMapperHeader);
        Assert.Equal(["z", "y", "x", "radius"], a.MagellanMapperColumns);
        Assert.Equal(["z", "y", "x", "radius", "confirmed", "truth", "channel"], a.Columns);
        Assert.Equal(6, a.ColumnIndex("channel"));
    }

    [Fact]
    public void Current_archives_have_equal_views()
    {
        string[] names = ["z", "y", "x", "radius", "confirmed", "truth", "channel", "region"];
        string path = NpyBytes.Npz(RepoPaths.NewTempDir(), "v5_blobs.npz", false, ("ver.npy", Ver(5)), ("segments.npy", Segments(2, 8)), ("columns.npy", Names(names)));
        var a = BlobArchive.Read(path);
        Assert.Equal(names, a.Columns);
        Assert.Equal(names, a.MagellanMapperHeader);
    }

    [Theory]
    [MemberData(nameof(BlobArchiveGoldenTests.CaseNames), MemberType = typeof(BlobArchiveGoldenTests))]
    public void Oracle_cases_correct_view_names_every_column_by_magellanmapper_positions(string name)
    {
        var a = BlobArchive.Read(Path.Combine(RepoPaths.Case(name), "sample_blobs.npz"));
        Assert.Equal(a.ColumnCount, a.Columns.Count);
        // the first seven columns of every archive layout are MagellanMapper's z..channel positions
        Assert.Equal(BlobArchive.PositionalColumns.Take(Math.Min(7, a.ColumnCount)), a.Columns.Take(7));
        Assert.DoesNotContain(a.Columns, c => c.StartsWith("unnamed_", StringComparison.Ordinal));
        // where MagellanMapper's own names are right (no version trim), both views agree
        if (a.VersionInArchive is null or >= 5) Assert.Equal(a.MagellanMapperHeader, a.Columns);
    }
}
