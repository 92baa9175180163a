using System.Text;
using Coloc.IO.Blobs;
using Coloc.IO.Numpy;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Numpy;

/// <summary>The NPZ reader: stored and deflated members, object (pickle) members skipped without running anything, one message on damaged files.</summary>
public sealed class NpzReaderTests
{
    /// <summary>A protocol-0 pickle that, if unpickled, would call <c>os.system("touch MARKER")</c>.</summary>
    private static byte[] EvilPickle(string marker) => Encoding.ASCII.GetBytes($"cos\nsystem\n(S'touch {marker}'\ntR.");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Object_members_holding_code_running_pickles_are_skipped_and_the_rest_is_read(bool deflate)
    {
        string dir = RepoPaths.NewTempDir();
        string marker = Path.Combine(dir, "pwned");
        var evil = NpyBytes.Npy("{'descr': '|O', 'fortran_order': False, 'shape': (), }", EvilPickle(marker));
        var evil2 = NpyBytes.Npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", EvilPickle(marker));
        var seg = NpyBytes.Npy(NpyBytes.Header("<f8", true, 2, 7), NpyBytes.Doubles(1, 4, 2, 5, 3, 6, 7, 8, 1, 1, -1, 0, 0, 1));
        string path = NpyBytes.Npz(dir, "evil_blobs.npz", deflate,
            ("basename.npy", evil), ("segments.npy", seg), ("colocs.npy", evil2));

        var npz = NpzReader.Read(path);
        Assert.Equal(new[] { "basename", "segments", "colocs" }, npz.Keys);
        Assert.Equal(new[] { "basename", "colocs" }, npz.SkippedKeys);
        Assert.Contains("unpickling", npz.Members[0].SkipReason);
        Assert.Equal(new double[] { 1, 2, 3, 7, 1, -1, 0, 4, 5, 6, 8, 1, 0, 1 }, npz["segments"]!.ToDoubles());

        var a = BlobArchive.Read(path);
        Assert.Null(a.Basename);
        Assert.Null(a.Colocalizations);
        Assert.Equal(new[] { "basename", "colocs" }, a.SkippedKeys);
        Assert.Equal(2, a.RowCount);
        Assert.Equal(1, a[1, 6]); // channel of the second blob, from the Fortran-order data
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void Deflated_and_stored_members_read_the_same()
    {
        string dir = RepoPaths.NewTempDir();
        var seg = NpyBytes.Npy(NpyBytes.Header("<f8", false, 3, 2), NpyBytes.Doubles(1, 2, 3, 4, 5, 6));
        var stored = NpzReader.Read(NpyBytes.Npz(dir, "s.npz", false, ("segments.npy", seg)));
        var deflated = NpzReader.Read(NpyBytes.Npz(dir, "d.npz", true, ("segments.npy", seg)));
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, deflated["segments"]!.ToDoubles());
        Assert.Equal(stored["segments"]!.ToDoubles(), deflated["segments"]!.ToDoubles());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_gives_one_message_naming_it()
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "garbage_blobs.npz");
        File.WriteAllText(path, "this is not a zip archive at all");
        var e = Assert.Throws<ColocFormatException>(() => BlobArchive.Read(path));
        Assert.StartsWith(path + ": not a readable NPZ/ZIP archive", e.Message);
    }

    [Fact]
    public void A_missing_file_gives_one_message_naming_it()
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "missing_blobs.npz");
        var e = Assert.Throws<ColocFormatException>(() => BlobArchive.Read(path));
        Assert.Equal(path + ": file not found", e.Message);
    }

    [Fact]
    public void A_truncated_oracle_archive_gives_one_message_naming_it()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Case("N01_v5_2ch_meta"), "sample_blobs.npz"));
        string path = Path.Combine(RepoPaths.NewTempDir(), "cut_blobs.npz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<ColocFormatException>(() => BlobArchive.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_member_whose_shape_exceeds_its_size_is_refused_before_allocating()
    {
        string dir = RepoPaths.NewTempDir();
        var seg = NpyBytes.Npy(NpyBytes.Header("<f8", false, 100000000, 8), NpyBytes.Doubles(1, 2, 3, 4, 5, 6, 7, 8));
        string path = NpyBytes.Npz(dir, "lying_blobs.npz", true, ("segments.npy", seg));
        var e = Assert.Throws<ColocFormatException>(() => BlobArchive.Read(path));
        Assert.Equal($"{path}: member segments.npy: shape (100000000, 8) of <f8 needs 6400000000 bytes, the array holds 64", e.Message);
    }
}
