using System.Text.Json;
using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Image;
using Coloc.Core.Profiles;
using Coloc.IO.Csv;
using Coloc.IO.Tiff;
using Coloc.TestKit;

namespace Coloc.Oracle.Tests.Detection;

/// <summary>One oracle group-E case: the image, the options MagellanMapper ran with, and its outputs.</summary>
internal sealed class DetectionCase
{
    private DetectionCase(string dir)
    {
        Dir = dir;
        Name = Path.GetFileName(dir);
        var root = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "params.json"))).RootElement;
        var res = root.GetProperty("config_resolutions_zyx").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        ResolutionUm = new Zyx(res[0], res[1], res[2]);
        Channels = root.GetProperty("channels_argument").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var settings = root.GetProperty("profile_settings_read_by_detect_blobs");
        var profiles = new List<RoiProfile>();
        for (int c = 0; settings.TryGetProperty(c.ToString(System.Globalization.CultureInfo.InvariantCulture), out var s); c++)
            profiles.Add(Profile(s));
        Options = new DetectionOptions { Profiles = profiles, Channels = Channels, Threads = 2 };
    }

    public string Dir { get; }
    public string Name { get; }
    public Zyx ResolutionUm { get; }
    public int[] Channels { get; }
    public DetectionOptions Options { get; }

    public static IEnumerable<DetectionCase> All() => RepoPaths.Cases("E").Select(d => new DetectionCase(d));

    public static TheoryData<string> Names()
    {
        var t = new TheoryData<string>();
        foreach (var d in RepoPaths.Cases("E")) t.Add(Path.GetFileName(d));
        return t;
    }

    public static DetectionCase Load(string name) => new(RepoPaths.Case(name));

    /// <summary>Reads roi.tif fully into memory (uint16), checking that its calibration matches params.json.</summary>
    public MultiChannelVolume<ushort> Image()
    {
        using var tiff = TiffStack.Open(Path.Combine(Dir, "roi.tif"));
        var vols = new List<IVolume<ushort>>();
        for (int c = 0; c < tiff.Channels; c++)
        {
            var v = ArrayVolume<ushort>.Zeros(tiff.Shape);
            for (int z = 0; z < tiff.Shape.Z; z++) tiff.ReadPlane(c, z, v.Data.AsSpan(z * tiff.Shape.Y * tiff.Shape.X, tiff.Shape.Y * tiff.Shape.X));
            vols.Add(v);
        }
        return new MultiChannelVolume<ushort>(vols, ResolutionUm);
    }

    public Blob[] ExpectedBlobs(int channel) => BlobCsv.Read(Path.Combine(Dir, "expected", $"blobs_c{channel}.csv"));

    public OracleCsv Diag(int channel) => OracleCsv.Read(Path.Combine(Dir, "expected", $"diag_log_peaks_c{channel}.csv"));

    public OracleCsv Truth() => OracleCsv.Read(Path.Combine(Dir, "truth_spots.csv"));

    private static RoiProfile Profile(JsonElement s)
    {
        var p = RoiProfiles.Resolve(s.GetProperty("profile_name").GetString()!);
        var iso = s.GetProperty("isotropic");
        return p with
        {
            Isotropic = iso.ValueKind == JsonValueKind.Array
                ? new Zyx(iso[0].GetDouble(), iso[1].GetDouble(), iso[2].GetDouble())
                : null,
            MinSigmaFactor = s.GetProperty("min_sigma_factor").GetDouble(),
            MaxSigmaFactor = s.GetProperty("max_sigma_factor").GetDouble(),
            NumSigma = s.GetProperty("num_sigma").GetInt32(),
            DetectionThreshold = s.GetProperty("detection_threshold").GetDouble(),
            Overlap = s.GetProperty("overlap").GetDouble(),
        };
    }
}
