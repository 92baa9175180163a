using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.Core.Matching.Exact;
using Coloc.IO.Csv;
using Coloc.IO.Results;
using Coloc.IO.Slabs;
using Coloc.TestKit;
using CsCheck;

namespace Coloc.IO.Tests.Slabs;

/// <summary>
/// Out-of-core exact runs written to a folder: the bytes of the in-memory run (<see cref="ResultWriter"/>) for random
/// inputs, any number of slabs and any thread count; slab files round-trip and never outlive the run.
/// </summary>
public sealed class SlabRunTests
{
    /// <summary>Up to 300 blobs, 2–4 channels, coordinates on a half-voxel lattice in 0..20 (z) × 0..6 × 0..6, 1–40 slabs along z, y or x.</summary>
    private static readonly Gen<(Blob[] Blobs, int Slabs, int Threads, int Axis)> Case =
        from n in Gen.Int[0, 300]
        from channels in Gen.Int[2, 4]
        from coords in Gen.Int[0, 40].Array[3 * n]
        from cs in Gen.Int[0, channels - 1].Array[n]
        from slabs in Gen.Int[1, 40]
        from threads in Gen.Int[1, 3]
        from axis in Gen.Int[0, 2]
        select (Enumerable.Range(0, n).Select(i => new Blob(coords[3 * i] / 2.0, coords[3 * i + 1] % 13 / 2.0, coords[3 * i + 2] % 13 / 2.0,
            1 + i % 2, -1, i % 3 - 1, cs[i])).ToArray(), slabs, threads, axis);

    [Fact]
    public void SlabRun_RandomInputs_SameBytesAsInMemory()
    {
        Case.Sample(c =>
        {
            string dir = RepoPaths.NewTempDir();
            string csv = Path.Combine(dir, "blobs.csv");
            BlobCsv.Write(csv, c.Blobs);
            var options = new ExactMatchOptions { TolVoxels = new Zyx(1.5, 1, 1), Threads = c.Threads };
            var blobs = BlobCsv.Read(csv);
            var matches = ExactColocalizer.Colocalize(blobs, options with { Threads = 1 });
            ResultWriter.Write(new ResultTarget { Folder = Path.Combine(dir, "mem") }, new ResultContent(matches, MatchSummary.Of("exact", matches, blobs)));

            using (var files = SlabFileSet.Create(dir, c.Axis, 0, c.Axis == 0 ? 20 : 6, c.Slabs, chunk => BlobCsv.ReadChunks(csv, c.Threads, chunk)))
                SlabResultWriter.Write(Path.Combine(dir, "slab"), new SlabColocalizer(files, options, files), files.BlobsPerChannel, c.Threads);

            var names = Directory.GetFiles(Path.Combine(dir, "mem")).Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(names, Directory.GetFiles(Path.Combine(dir, "slab")).Select(Path.GetFileName).Order().ToArray());
            foreach (var name in names)
                Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "mem", name!)), File.ReadAllBytes(Path.Combine(dir, "slab", name!)));
            Assert.Equal(new[] { "blobs.csv", "mem", "slab" }, Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order().ToArray());
            Directory.Delete(dir, true);
        }, iter: 60);
    }

    [Fact]
    public void SlabFileSet_RoundTrip_BlobsIdsAndMinZPerSlab()
    {
        string dir = RepoPaths.NewTempDir();
        var blobs = new[] { new Blob(-3, 1, 1, 1, 0, 1, 0), new Blob(9.5, 2, 2, 2, 1, 0, 1), new Blob(4, 3, 3, 3, -1, -1, 0), new Blob(25, 0, 0, 1, -1, -1, 0) };
        string folder;
        using (var files = SlabFileSet.Create(dir, 0, 0, 10, 2, chunk => { chunk(blobs[..2]); chunk(blobs[2..]); }))
        {
            folder = files.Folder;
            Assert.Equal(4, files.BlobCount);
            Assert.Equal([0, 1], files.Channels);
            Assert.Equal([(0, 3L), (1, 1L)], files.BlobsPerChannel);
            Assert.Equal(-3, files.MinCoordinate(0));
            Assert.Equal(9.5, files.MinCoordinate(1));
            var s0 = files.Read(0, 0);
            Assert.Equal([blobs[0], blobs[2]], s0.Blobs);
            Assert.Equal([0L, 2L], s0.Ids);
            Assert.Equal([blobs[3]], files.Read(1, 0).Blobs);
            Assert.Equal([1L], files.Read(1, 1).Ids);
            Assert.Empty(files.Read(0, 1).Blobs);
        }
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void SlabFileSet_AlongY_SlabsByYAndRowRunsRoundTrip()
    {
        string dir = RepoPaths.NewTempDir();
        var blobs = new[] { new Blob(50, 7, 1, 1, 0, 1, 0), new Blob(1, 2.5, 2, 2, 1, 0, 1), new Blob(4, -1, 3, 3, -1, -1, 0) };
        string folder;
        using (var files = SlabFileSet.Create(dir, 1, 0, 10, 2, chunk => chunk(blobs)))
        {
            folder = files.Folder;
            Assert.Equal(1, files.Axis);
            Assert.Equal(-1, files.MinCoordinate(0));
            Assert.Equal(7, files.MinCoordinate(1));
            Assert.Equal([blobs[2]], files.Read(0, 0).Blobs);
            Assert.Equal([blobs[0]], files.Read(1, 0).Blobs);
            var rows = Enumerable.Range(0, 2500).Select(i => MatchRow.Of(blobs[i % 3], blobs[(i + 1) % 3], i / 7.0)).ToArray();
            int run = files.WriteRun(rows);
            var pieces = files.ReadRun(run, 1000).ToArray();
            Assert.Equal([1000, 1000, 500], pieces.Select(p => p.Length));
            Assert.Equal(rows, pieces.SelectMany(p => p));
            Assert.Equal(["s0_c0.bin", "s0_c1.bin", "s1_c0.bin"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        }
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void SlabFileSet_ReaderFails_NoFolderLeft()
    {
        string dir = RepoPaths.NewTempDir();
        string csv = Path.Combine(dir, "blobs.csv");
        File.WriteAllText(csv, "z,y,x,radius,confirmed,truth,channel\n1,1,1,1,-1,-1,0\nnan,1,1,1,-1,-1,1\n");
        var e = Assert.Throws<ColocFormatException>(() => SlabFileSet.Create(dir, 0, 0, 2, 2, chunk => BlobCsv.ReadChunks(csv, 1, chunk)));
        Assert.Contains("blobs.csv:3", e.Message);
        Assert.Equal(new[] { "blobs.csv" }, Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ToArray());
    }

    [Fact]
    public void EstimateCount_SmallFile_ExactRowCount()
    {
        string dir = RepoPaths.NewTempDir();
        string csv = Path.Combine(dir, "blobs.csv");
        BlobCsv.Write(csv, Enumerable.Range(0, 1000).Select(i => new Blob(i, i, i, 1, -1, -1, i % 2)).ToArray());
        Assert.Equal(1000, BlobCsv.EstimateCount(csv));
    }
}
