using Coloc.Core.Geometry;
using Coloc.Core.Profiles;
using Coloc.Core.Matching.Magmap;

namespace Coloc.Core.Tests.Profiles;

public sealed class RoiProfileOverridesTests
{
    [Fact]
    public void Apply_SegmentSizeAndTolFactor_ChangeBlockGeometry()
    {
        var p = RoiProfileOverrides.Apply(RoiProfiles.Default, ["segment_size=300", "verify_tol_factor=3,1.2,1.2"]);
        var g = new MagmapBlockGeometry(p, Zyx.All(1));
        Assert.Equal(new ZyxInt(300, 300, 300), g.MaxPixels);
        Assert.Equal(new Zyx(15, 6, 6), g.MatchTolVoxels);
    }

    [Fact]
    public void Apply_None_ClearsOptionalSetting()
    {
        var p = RoiProfileOverrides.Apply(RoiProfiles.Resolve("lightsheet"), ["isotropic=none"]);
        Assert.Null(p.Isotropic);
    }

    [Theory]
    [InlineData("segmentsize=3", "segmentsize")]
    [InlineData("segment_size=0", "segment_size")]
    [InlineData("verify_tol_factor=1,2", "verify_tol_factor")]
    [InlineData("overlap", "key=value")]
    public void Apply_BadSetting_NamesIt(string setting, string mention)
    {
        var e = Assert.Throws<ArgumentException>(() => RoiProfileOverrides.Apply(RoiProfiles.Default, [setting]));
        Assert.Contains(mention, e.Message);
    }
}
