using Coloc.IO;
using Coloc.IO.Tiff;

namespace Coloc.Cli.Tests.Fuzz;

/// <summary>A mutated TIFF opened and read whole, every plane of every channel and frame.</summary>
internal sealed class TiffHarness : FuzzHarness
{
    public override string Name => "tiff";

    public override IReadOnlyList<byte[]> MakeSeeds(string dir) => FuzzSeeds.Tiff(dir);

    public override void Run(byte[] input, string dir)
    {
        string path = Path.Combine(dir, "in.tif");
        File.WriteAllBytes(path, input);
        try
        {
            using var s = TiffStack.Open(path, _ => { });
            var plane = new float[s.Shape.Y * s.Shape.X];
            for (int t = 0; t < s.Frames; t++)
                for (int z = 0; z < s.Shape.Z; z++)
                    for (int c = 0; c < s.Channels; c++)
                        s.ReadPlaneAsFloat(c, z, plane, t);
        }
        catch (ColocFormatException e)
        {
            if (!e.Message.Contains(path, StringComparison.Ordinal)) throw new FuzzFinding($"message does not name the file: {e.Message}");
        }
    }
}
