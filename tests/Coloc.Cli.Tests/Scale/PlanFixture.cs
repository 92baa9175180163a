using Coloc.Core.Geometry;
using Coloc.Core.Pipeline;
using Coloc.IO.Plan;
using Coloc.TestKit;
using Coloc.Core.Image;

namespace Coloc.Cli.Tests.Scale;

/// <summary>A plan folder over the synthetic image with every block result written by the test detector.</summary>
internal static class PlanFixture
{
    public static readonly PeakDetector Detector = new();

    public static (string Dir, PlanSpec Spec, string Hash) Create(ZyxInt core)
    {
        var image = SyntheticImage.Create(new ZyxInt(18, 40, 44), 2, 40, seed: 7);
        var spec = new PlanSpec
        {
            ImagePath = "/synthetic.tif",
            ImageBytes = 1,
            ImageModifiedUtc = "2026-11-24T00:00:00.0000000Z",
            ShapeVoxels = image.Shape,
            ChannelCount = 2,
            ResolutionUm = image.ResolutionUm,
            CoreVoxels = core,
            HaloVoxels = Detector.ContextVoxels,
            Profile = "default",
        };
        string dir = RepoPaths.NewTempDir();
        PlanFile.Write(dir, spec, 1);
        string hash = PlanFile.Hash(spec);
        for (int i = 0; i < spec.Grid.Count; i++)
            BlockResultFile.Write(dir, hash, BlockRunner.Run(RegionReader<ushort>.Of(image), spec.Grid, i, Detector));
        return (dir, spec, hash);
    }

    public static (int Code, string Out, string Err) Coloc(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }
}
