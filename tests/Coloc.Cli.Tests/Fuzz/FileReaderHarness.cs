using Coloc.IO;
using Coloc.IO.Blobs;

namespace Coloc.Cli.Tests.Fuzz;

/// <summary>A blob file reader (<see cref="BlobFormats.Read"/>) on a mutated file of one extension.</summary>
internal sealed class FileReaderHarness(string name, string extension, Func<string, IReadOnlyList<byte[]>> seeds) : FuzzHarness
{
    public override string Name => name;

    public override IReadOnlyList<byte[]> MakeSeeds(string dir) => seeds(dir);

    public override void Run(byte[] input, string dir)
    {
        string path = Path.Combine(dir, "in" + extension);
        File.WriteAllBytes(path, input);
        try
        {
            var table = BlobFormats.Read(path, new BlobReadOptions { Threads = 1 });
            _ = table.Blobs.Length;
        }
        catch (ColocFormatException e)
        {
            if (!e.Message.Contains(path, StringComparison.Ordinal)) throw new FuzzFinding($"message does not name the file: {e.Message}");
        }
    }
}
