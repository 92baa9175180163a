using Coloc.Cli.Commands;
using Coloc.Core.Blobs;
using Coloc.Core.Matching;
using Coloc.IO;
using Coloc.TestKit;

namespace Coloc.Cli.Tests;

public sealed class DbStoreTests
{
    [Fact]
    public void Insert_FailsOnNewFile_FileRemovedAgain()
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "new.db");
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch([MatchRow.Of(new Blob(1, 1, 1, 2, -1, -1, 0), new Blob(double.NaN, 1, 1, 2, -1, -1, 1), 1)]));
        Assert.Throws<ColocFormatException>(() => DbStore.Insert(path, set, "e"));
        Assert.False(File.Exists(path));
        Assert.False(File.Exists(path + "-journal"));
    }

    [Fact]
    public void Insert_NewFile_StoredWithIds()
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "new.db");
        var set = new MatchSet();
        set.Add(new ChannelPair(0, 1), new BlobMatch([MatchRow.Of(new Blob(1, 1, 1, 2, -1, -1, 0), new Blob(1, 1, 2, 2, -1, -1, 1), 1)]));
        var stored = DbStore.Insert(path, set, "e");
        var r = stored.Pairs[0].Value.Rows[0];
        Assert.Equal(new long?[] { 1, 1, 1, 2 }, new[] { r.MatchId, r.RoiId, r.Blob1Id, r.Blob2Id });
        Assert.True(File.Exists(path));
    }
}
