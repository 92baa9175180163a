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

    [Theory]
    [InlineData("resize_blobs=2,1,1")]
    [InlineData("clip_vmin=3")]
    [InlineData("denoise_size=none")]
    [InlineData("exclude_border=1,0,0")]
    [InlineData("prune_tol_factor=1,1,1")]
    [InlineData("sub_stack_max_pixels=100,100,100")]
    public void Apply_SettingColocDoesNotUse_RefusedNamingIt(string setting)
    {
        string key = setting[..setting.IndexOf('=')];
        var e = Assert.Throws<ArgumentException>(() => RoiProfileOverrides.Apply(RoiProfiles.Default, [setting]));
        Assert.Equal($"profile setting '{key}' is not supported by Coloc", e.Message);
    }

    [Fact]
    public void Keys_EachHonouredSettingChangesTheProfile()
    {
        string[] settings =
        [
            "segment_size=300", "verify_tol_factor=3,1.2,1.2", "isotropic=0.5,1,1", "min_sigma_factor=2.5",
            "max_sigma_factor=4.5", "num_sigma=7", "detection_threshold=0.05", "overlap=0.7",
        ];
        Assert.Equal(RoiProfileOverrides.Keys.Order(), settings.Select(s => s[..s.IndexOf('=')]).Order());
        Assert.Empty(RoiProfileOverrides.Keys.Intersect(RoiProfileOverrides.RefusedKeys));
        foreach (var s in settings)
            Assert.NotEqual(RoiProfiles.Default, RoiProfileOverrides.Apply(RoiProfiles.Default, [s]));
    }

    [Fact]
    public void BuiltInProfiles_StillCarryTheirValues()
    {
        var p = RoiProfiles.Resolve("lightsheet");
        Assert.Equal(98.5, p.ClipVmax);
        Assert.Equal(new Zyx(1, 0, 0), p.ExcludeBorder);
        Assert.Equal(new Zyx(1, 0.9, 0.9), p.PruneTolFactor);
    }
}
