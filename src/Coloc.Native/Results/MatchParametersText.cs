using System.Globalization;
using Coloc.Core.Geometry;
using Coloc.Core.Matching;
using Coloc.IO.Json;

namespace Coloc.Native.Results;

/// <summary>
/// The parameters of a match request as the Fiji Log shows them (the same values as the <c>parameters</c> section of
/// summary.json, <see cref="MatchParametersJson"/>, but channels 1-based as ImageJ counts them), one line:
/// <c>Coloc 0.1.0: mode=magmap profile=default tolerance=3,3,3 µm = 1.5,6,6 voxels (from the profile) resolution=2,0.5,0.5 µm/voxel channels=all (z,y,x)</c>.
/// </summary>
public static class MatchParametersText
{
    /// <summary>The line for <paramref name="request"/>.</summary>
    public static string Line(MatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string source = request.TolVoxels is not null ? "given in voxels" : request.TolUm is not null ? "given in µm" : "from the profile";
        string channels = request.Channels is { } c ? string.Join(",", c.Order().Select(x => (x + 1).ToString(CultureInfo.InvariantCulture))) : "all";
        return $"Coloc {MatchParametersJson.ColocVersion}: mode={request.Mode.ToString().ToLowerInvariant()} profile={request.Profile.Name} " +
               $"tolerance={V(request.EffectiveTolUm())} µm = {V(request.EffectiveTolVoxels())} voxels ({source}) " +
               $"resolution={V(request.ResolutionUm)} µm/voxel channels={channels} (vectors z,y,x; channels 1-based)";
    }

    private static string V(Zyx v) => string.Create(CultureInfo.InvariantCulture, $"{v.Z:0.####},{v.Y:0.####},{v.X:0.####}");
}
