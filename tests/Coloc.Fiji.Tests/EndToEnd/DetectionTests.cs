using Coloc.Core.Detection;
using Coloc.Core.Matching;
using Coloc.Core.Image;
using Coloc.Fiji.Tests.ImageJ;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;

namespace Coloc.Fiji.Tests.EndToEnd;

/// <summary>Detect Blobs, and Match Blobs without a blob file, in real ImageJ against the engine run on the same TIFF.</summary>
[Collection(ImageJCollection.Name)]
public sealed class DetectionTests
{
    [Fact]
    public void DetectBlobsThenMatchWithoutBlobFile_CalibratedSpots_EqualEngineOnTheSavedTiff()
    {
        using var ij = new ImageJHost();
        string tif = Path.Combine(ij.Dir, "spots.tif"), csv = Path.Combine(ij.Dir, "blobs.csv"), outDir = Path.Combine(ij.Dir, "out");
        // Two channels of Gaussian-like balls (radius 6 voxels, the default profile's sigma 3-5 µm at 1 µm voxels);
        // channel 2's copy of every other ball is shifted by 2 voxels in x.
        var r = ij.RunMacro($$"""
            {{SpotsMacro(tif)}}
            run("Detect Blobs", "profile=[default] output=[{{csv}}]");
            print("detected=" + Table.size("Coloc Blobs"));
            run("Match Blobs", "mode=magmap profile=[default] output=[{{outDir}}]");
            print("matched=" + Table.size("Coloc Matches"));
            """);
        Assert.True(r.ExitCode == 0, r.ToString());

        using var tiff = TiffStack.Open(tif);
        var vols = Enumerable.Range(0, tiff.Channels).Select(c => (IVolume<byte>)tiff.Channel<byte>(c)).ToArray();
        var blobs = BlobDetector.Detect(new MultiChannelVolume<byte>(vols, tiff.ResolutionUm), new DetectionOptions());
        Assert.True(blobs.Length >= 8, $"the synthetic spots should be found, got {blobs.Length}");
        var expectedCsv = Path.Combine(ij.Dir, "engine-blobs.csv");
        BlobCsv.Write(expectedCsv, blobs);
        Assert.Equal(File.ReadAllBytes(expectedCsv), File.ReadAllBytes(csv));
        Assert.Contains($"detected={blobs.Length}", r.Stdout);

        var expected = EngineReference.Write(expectedCsv, MatchMode.Magmap, "default", tiff.Shape, tiff.ResolutionUm, Path.Combine(ij.Dir, "engine"), withBlobs: true);
        EngineReference.AssertSameFolder(expected, outDir);
    }

    /// <summary>
    /// Spot diameters and threshold from the dialog keys reach the engine as min/max_sigma_factor = d/(2√3) and
    /// detection_threshold; the Coloc Blobs table carries each blob's quality (its LoG response).
    /// </summary>
    [Fact]
    public void DetectBlobs_TunedDiametersAndThreshold_EqualEngineWithThoseSigmas_QualityColumnIsTheLogResponse()
    {
        using var ij = new ImageJHost();
        string tif = Path.Combine(ij.Dir, "spots.tif"), csv = Path.Combine(ij.Dir, "blobs.csv"), table = Path.Combine(ij.Dir, "table.csv");
        var r = ij.RunMacro($$"""
            {{SpotsMacro(tif)}}
            run("Detect Blobs", "profile=[default] min_diameter=6 max_diameter=12 threshold=0.02 output=[{{csv}}]");
            {{FijiTables.Save("Coloc Blobs", table)}}
            """);
        Assert.True(r.ExitCode == 0, r.ToString());

        using var tiff = TiffStack.Open(tif);
        var vols = Enumerable.Range(0, tiff.Channels).Select(c => (IVolume<byte>)tiff.Channel<byte>(c)).ToArray();
        double toSigma = 1 / (2 * Math.Sqrt(3));
        var profile = Coloc.Core.Profiles.RoiProfiles.Default with { MinSigmaFactor = 6 * toSigma, MaxSigmaFactor = 12 * toSigma, DetectionThreshold = 0.02 };
        var found = BlobDetector.DetectChannels(new MultiChannelVolume<byte>(vols, tiff.ResolutionUm), new DetectionOptions { Profiles = [profile] }, blocks: false);
        var blobs = found.SelectMany(d => d.Blobs).ToArray();
        var quality = found.SelectMany(d => d.BlobResponses()).ToArray();
        var defaults = BlobDetector.Detect(new MultiChannelVolume<byte>(vols, tiff.ResolutionUm), new DetectionOptions());
        Assert.NotEqual(defaults.Select(b => b.Radius), blobs.Select(b => b.Radius));
        var expectedCsv = Path.Combine(ij.Dir, "engine-blobs.csv");
        BlobCsv.Write(expectedCsv, blobs);
        Assert.Equal(File.ReadAllBytes(expectedCsv), File.ReadAllBytes(csv));

        var t = FijiTables.Read(table);
        Assert.Equal(blobs.Length, t.Rows.Length);
        int q = t.Column(h => h == "Quality"), x = t.Column(h => h == "X (micron)");
        for (int i = 0; i < blobs.Length; i++)
        {
            Assert.Equal(quality[i], double.Parse(t.Rows[i][q], System.Globalization.CultureInfo.InvariantCulture), 5);
            Assert.True(quality[i] > 0.02);
            Assert.Equal(blobs[i].X * tiff.ResolutionUm.X, double.Parse(t.Rows[i][x], System.Globalization.CultureInfo.InvariantCulture), 3);
        }
    }

    /// <summary>Two channels of Gaussian-like balls saved as a TIFF (the image stays open, 1 µm voxels).</summary>
    internal static string SpotsMacro(string tif) => $$"""
            setBatchMode(true);
            newImage("spots", "8-bit black", 96, 80, 2, 24, 1);
            run("Properties...", "channels=2 slices=24 frames=1 unit=micron pixel_width=1 pixel_height=1 voxel_depth=1");
            xs = newArray(20, 50, 75, 30, 62); ys = newArray(20, 22, 40, 58, 60); zs = newArray(9, 12, 14, 10, 13);
            for (c = 1; c <= 2; c++) for (i = 0; i < xs.length; i++) for (dz = -6; dz <= 6; dz++) {
                Stack.setPosition(c, zs[i] + dz, 1);
                shift = 0; if (c == 2 && i % 2 == 0) shift = 2;
                for (rr = 6; rr >= 1; rr--) {
                    d2 = rr * rr + dz * dz;
                    if (d2 > 36) continue;
                    setColor(round(220 * exp(-d2 / 18)));
                    fillOval(xs[i] + shift - rr, ys[i] - rr, 2 * rr + 1, 2 * rr + 1);
                }
            }
            saveAs("Tiff", "{{tif}}");
            """;
}
