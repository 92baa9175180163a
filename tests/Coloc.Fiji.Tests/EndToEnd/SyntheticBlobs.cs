using Coloc.Core.Blobs;
using Coloc.Core.Geometry;
using Coloc.IO.Csv;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>Seeded two-channel blob sets inside a stack: half of channel 1 near a channel 0 blob, the rest anywhere.</summary>
public static class SyntheticBlobs
{
    /// <summary>Writes <paramref name="count"/> blobs per channel as a blob CSV.</summary>
    public static void Write(string path, ZyxInt shape, int seed, int count)
    {
        var rnd = new Random(seed);
        var blobs = new List<Blob>();
        for (int i = 0; i < count; i++)
            blobs.Add(new Blob(rnd.Next(shape.Z), rnd.Next(shape.Y), rnd.Next(shape.X), 3, -1, -1, 0));
        for (int i = 0; i < count; i++)
        {
            var b = i % 2 == 0 ? blobs[i] : new Blob(rnd.Next(shape.Z), rnd.Next(shape.Y), rnd.Next(shape.X), 3, -1, -1, 1);
            blobs.Add(b with { Z = Math.Clamp(b.Z + rnd.Next(-1, 2), 0, shape.Z - 1), Y = Math.Clamp(b.Y + rnd.Next(-2, 3), 0, shape.Y - 1), Channel = 1 });
        }
        BlobCsv.Write(path, blobs.ToArray());
    }
}
