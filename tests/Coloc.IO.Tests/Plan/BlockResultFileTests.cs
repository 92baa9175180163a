using Coloc.Core.Blobs;
using Coloc.Core.Pipeline;
using Coloc.IO.Plan;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Plan;

public class BlockResultFileTests
{
    private static readonly string Hash = new('a', 64);

    private static BlockResult Sample(int index) => new(index, 2,
        [new Blob(1, 2, 3, 1.7320508075688772, -1, -1, 0), new Blob(4, 5, 6.5, 2, 1, 0, 1)],
        [1.5, double.NaN, 0.1 + 0.2, -0.0]);

    [Fact]
    public void WriteThenRead_Result_BitIdentical()
    {
        var dir = RepoPaths.NewTempDir();
        BlockResultFile.Write(dir, Hash, Sample(42));
        Assert.True(File.Exists(Path.Combine(dir, "blocks", "block-000042.bin")));
        var r = BlockResultFile.TryRead(dir, Hash, 42, out var problem);
        Assert.Null(problem);
        Assert.NotNull(r);
        Assert.Equal(Sample(42).Blobs, r.Blobs);
        Assert.Equal(Sample(42).Means.Select(BitConverter.DoubleToInt64Bits), r.Means.Select(BitConverter.DoubleToInt64Bits));
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "blocks"), ".*"));
    }

    [Fact]
    public void TryRead_Absent_NullWithoutProblem()
    {
        Assert.Null(BlockResultFile.TryRead(RepoPaths.NewTempDir(), Hash, 0, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void TryRead_OtherPlan_NullNamingIt()
    {
        var dir = RepoPaths.NewTempDir();
        BlockResultFile.Write(dir, new string('b', 64), Sample(1));
        Assert.Null(BlockResultFile.TryRead(dir, Hash, 1, out var problem));
        Assert.Contains("another plan", problem);
        Assert.Contains("block-000001.bin", problem);
    }

    [Fact]
    public void Decode_AnyFlippedByteOrTruncation_Rejected()
    {
        var bytes = BlockResultFile.Encode(Hash, Sample(3));
        for (int i = 0; i < bytes.Length; i++)
        {
            var copy = bytes.ToArray();
            copy[i] ^= 0x10;
            Assert.Null(BlockResultFile.Decode(copy, Hash, out var problem));
            Assert.NotNull(problem);
        }
        for (int len = 0; len < bytes.Length; len += 7)
            Assert.Null(BlockResultFile.Decode(bytes.AsSpan(0, len), Hash, out _));
    }

    [Fact]
    public void TryRead_FileOfAnotherIndex_Rejected()
    {
        var dir = RepoPaths.NewTempDir();
        BlockResultFile.Write(dir, Hash, Sample(5));
        File.Move(BlockResultFile.PathOf(dir, 5), BlockResultFile.PathOf(dir, 6));
        Assert.Null(BlockResultFile.TryRead(dir, Hash, 6, out var problem));
        Assert.Contains("holds block 5", problem);
    }

    [Fact]
    public void Write_FailsMidway_LeavesNoFileAndNoTemporary()
    {
        var dir = RepoPaths.NewTempDir();
        Directory.CreateDirectory(Path.Combine(dir, "blocks"));
        string target = BlockResultFile.PathOf(dir, 7);
        Assert.Throws<InvalidOperationException>(() => Files.AtomicFile.Write(target, s =>
        {
            s.Write(new byte[1000]);
            throw new InvalidOperationException("killed");
        }));
        Assert.Empty(Directory.GetFiles(Path.Combine(dir, "blocks")));
    }

    [Fact]
    public void ResultScan_SomeMissingSomeForeign_ExactMissingList()
    {
        var dir = RepoPaths.NewTempDir();
        foreach (int i in new[] { 0, 1, 2, 5, 6, 9 }) BlockResultFile.Write(dir, Hash, Sample(i));
        BlockResultFile.Write(dir, new string('c', 64), Sample(4));
        var scan = ResultScan.Of(dir, Hash, 10);
        Assert.Equal([3, 4, 7, 8], scan.Missing);
        Assert.Equal("3-4,7-8", scan.MissingRanges);
        Assert.Single(scan.Problems);
        Assert.Equal("1-4", scan.MissingTaskRanges(5, 0)); // shards of 2 blocks: 3 → 1, 4 → 2, 7 → 3, 8 → 4
        Assert.Equal("2-5", scan.MissingTaskRanges(5, 1));
        Assert.Equal("0-1", scan.MissingTaskRanges(2, 0));
    }
}
