using Coloc.IO.Blobs;
using Coloc.TestKit;

namespace Coloc.IO.Tests.Blobs;

/// <summary>
/// TrackMate XML as TrackMate 7's <c>TmXmlWriter</c> writes it (element and attribute names of its <c>TmXmlKeys</c>:
/// <c>TrackMate/Model[@spatialunits]/AllSpots/SpotsInFrame/Spot</c> with the spot features as attributes and, for
/// spots with a shape, the contour as text; <c>Settings/ImageData</c> with the calibration; <c>DetectorSettings</c>
/// with <c>TARGET_CHANNEL</c>). Positions and radii are physical (µm here) and come back in voxels.
/// </summary>
public sealed class TrackMateXmlTests
{
    /// <summary>A TrackMate 7 file: 3 spots in 2 frames, calibration 0.5 × 0.25 × 2 µm (x, y, z), target channel 2.</summary>
    internal static string Tm7(string targetChannel = "TARGET_CHANNEL=\"2\" ", string imageData = "pixelwidth=\"0.5\" pixelheight=\"0.25\" voxeldepth=\"2.0\"") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <TrackMate version="7.11.1">
          <Log>TrackMate v7.11.1 started on:&#xD;
        </Log>
          <Model spatialunits="µm" timeunits="sec">
            <FeatureDeclarations>
              <SpotFeatures>
                <Feature feature="QUALITY" name="Quality" shortname="Quality" dimension="QUALITY" isint="false" />
                <Feature feature="POSITION_X" name="X" shortname="X" dimension="POSITION" isint="false" />
              </SpotFeatures>
            </FeatureDeclarations>
            <AllSpots nspots="3">
              <SpotsInFrame frame="0">
                <Spot ID="1000" name="ID1000" STD_INTENSITY_CH1="3.5" QUALITY="12.25" POSITION_T="0.0" MAX_INTENSITY_CH1="40.0" FRAME="0" RADIUS="1.5" VISIBILITY="1" POSITION_X="12.5" POSITION_Y="3.0" POSITION_Z="6.0" />
                <Spot ID="1001" name="ID1001" QUALITY="7.0" POSITION_T="0.0" FRAME="0" RADIUS="1.0" VISIBILITY="1" POSITION_X="0.0" POSITION_Y="0.25" POSITION_Z="0.0" ROI_N_POINTS="4">-0.5 -0.5 0.5 -0.5 0.5 0.5 -0.5 0.5</Spot>
              </SpotsInFrame>
              <SpotsInFrame frame="1">
                <Spot ID="1002" name="ID1002" QUALITY="3.0" POSITION_T="1.0" FRAME="1" RADIUS="2.5" VISIBILITY="1" POSITION_X="100.25" POSITION_Y="50.0" POSITION_Z="10.0" />
              </SpotsInFrame>
            </AllSpots>
            <AllTracks>
              <Track name="Track_0" TRACK_ID="0" NUMBER_SPOTS="2">
                <Edge SPOT_SOURCE_ID="1000" SPOT_TARGET_ID="1002" LINK_COST="4.0" />
              </Track>
            </AllTracks>
            <FilteredTracks>
              <TrackID TRACK_ID="0" />
            </FilteredTracks>
          </Model>
          <Settings>
            <ImageData filename="cells.tif" folder="/data/" width="512" height="512" nslices="20" nframes="2" {{imageData}} timeinterval="1.0" />
            <BasicSettings xstart="0" xend="511" ystart="0" yend="511" zstart="0" zend="19" tstart="0" tend="1" />
            <DetectorSettings DETECTOR_NAME="LOG_DETECTOR" DO_SUBPIXEL_LOCALIZATION="true" RADIUS="1.5" {{targetChannel}}THRESHOLD="0.0" DO_MEDIAN_FILTERING="false" />
            <InitialSpotFilter feature="QUALITY" value="0.0" isabove="true" />
          </Settings>
          <GUIState state="ConfigureViews" />
        </TrackMate>
        """;

    private static string Write(string text)
    {
        string path = Path.Combine(RepoPaths.NewTempDir(), "spots.xml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Spots_in_micrometres_come_back_in_voxels_of_the_files_calibration_on_the_target_channel()
    {
        var t = BlobFormats.Read(Write(Tm7()));
        Assert.Equal(BlobFormat.TrackMateXml, t.Format);
        // z = POSITION_Z / voxeldepth, y = POSITION_Y / pixelheight, x = POSITION_X / pixelwidth, radius = RADIUS / pixelwidth.
        Assert.Equal([[3, 12, 25, 3, 1], [0, 1, 0, 2, 1], [5, 200, 200.5, 5, 1]],
            t.Blobs.Select(b => new[] { b.Z, b.Y, b.X, b.Radius, b.Channel }));
        Assert.All(t.Blobs, b => Assert.Equal((-1.0, -1.0), (b.Confirmed, b.Truth)));
        Assert.True(t.ChannelFromFile);
        Assert.Equal(new Coloc.Core.Geometry.Zyx(2, 0.25, 0.5), t.ResolutionUm);
    }

    [Fact]
    public void Numeric_spot_features_are_kept_as_further_columns_with_NaN_where_a_spot_lacks_one()
    {
        var t = BlobFormats.Read(Write(Tm7()));
        int q = t.ExtraColumns.ToList().IndexOf("QUALITY"), id = t.ExtraColumns.ToList().IndexOf("ID"), max = t.ExtraColumns.ToList().IndexOf("MAX_INTENSITY_CH1");
        Assert.True(q >= 0 && id >= 0 && max >= 0, string.Join(",", t.ExtraColumns));
        Assert.DoesNotContain("name", t.ExtraColumns);
        Assert.DoesNotContain("POSITION_X", t.ExtraColumns);
        Assert.Equal([12.25, 7, 3], Enumerable.Range(0, 3).Select(r => t.Extra(r, q)));
        Assert.Equal([1000.0, 1001, 1002], Enumerable.Range(0, 3).Select(r => t.Extra(r, id)));
        Assert.Equal(40, t.Extra(0, max));
        Assert.True(double.IsNaN(t.Extra(1, max)));
    }

    [Fact]
    public void Dropping_the_features_gives_the_same_blobs_and_no_further_columns()
    {
        string path = Write(Tm7());
        var kept = BlobFormats.Read(path);
        var dropped = BlobFormats.Read(path, new BlobReadOptions { KeepFeatures = false });
        Assert.Equal(kept.Blobs, dropped.Blobs);
        Assert.Empty(dropped.ExtraColumns);
        Assert.Empty(dropped.ExtraValues);
    }

    [Fact]
    public void Without_a_target_channel_the_file_takes_its_place_among_the_inputs()
    {
        string a = Write(Tm7(targetChannel: "")), b = Write(Tm7(targetChannel: ""));
        Assert.False(BlobFormats.Read(a).ChannelFromFile);
        var t = BlobFormats.ReadAll([a, b]);
        Assert.Equal([0, 0, 0, 1, 1, 1], t.Blobs.Select(x => x.Channel));
    }

    [Fact]
    public void A_file_in_pixels_keeps_the_coordinates()
    {
        var t = BlobFormats.Read(Write(Tm7(imageData: "pixelwidth=\"1.0\" pixelheight=\"1.0\" voxeldepth=\"1.0\"").Replace("spatialunits=\"µm\"", "spatialunits=\"pixel\"", StringComparison.Ordinal)));
        Assert.Equal([6, 3, 12.5, 1.5], new[] { t.Blobs[0].Z, t.Blobs[0].Y, t.Blobs[0].X, t.Blobs[0].Radius });
    }

    [Theory]
    [InlineData("pixelwidth=\"0.5\" pixelheight=\"0.25\"", "voxeldepth")]
    [InlineData("pixelwidth=\"0\" pixelheight=\"0.25\" voxeldepth=\"2\"", "pixelwidth")]
    [InlineData("pixelwidth=\"half\" pixelheight=\"0.25\" voxeldepth=\"2\"", "'half' is not a number")]
    public void Missing_or_bad_calibration_is_one_message_naming_the_file(string imageData, string says)
    {
        string path = Write(Tm7(imageData: imageData));
        var e = Assert.Throws<ColocFormatException>(() => BlobFormats.Read(path));
        Assert.StartsWith(path + ":", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
