using Coloc.Core.Blobs;
using Coloc.Core.Detection;
using Coloc.Core.Geometry;
using Coloc.Core.Matching.Magmap;
using Coloc.Core.Image;

namespace Coloc.Core.Detection;

/// <summary>
/// The LoG detector (<see cref="BlobDetector"/>) box by box, giving exactly the blobs that
/// <see cref="BlobDetector.Detect{T}"/> finds on the whole image inside each box.
/// </summary>
/// <remarks>
/// Per channel, with <c>r</c> the largest kernel radius <c>int(4σ_max + 0.5)</c> and <c>R = ⌈2·√3·σ_max⌉</c> the
/// farthest two peaks can be and still overlap:
/// <list type="number">
/// <item>Peaks: LoG maxima are computed on the box grown by a pruning margin m (start: max(R, margin − r − 1)) plus
/// <c>r + 1</c> voxels of real image data, so every LoG value and maximum test inside the box + m equals the
/// whole-image one (as in <see cref="BlobDetector.DetectBlocks{T}"/>).</item>
/// <item>Pruning: <see cref="OverlapPruner"/> decides a peak only through chains of peaks that overlap pairwise
/// (connected components of the overlap graph, pairs visited in canonical order), so a component's outcome depends on
/// its own peaks only. Every component that reaches into the box must lie at least R inside the faces of box + m that
/// are not image faces; then no unseen peak can join it and its survivors are the whole-image ones. If one does not,
/// m is doubled and the channel redone, up to the whole image.</item>
/// </list>
/// Isotropic resampling (profile <c>isotropic</c>) rescales the whole image with a global intensity range and is not
/// supported box by box: such boxes must be the whole image. A perfectly constant image above the threshold (every
/// voxel a maximum) is reported as no blob by whole-image detection only; box detection does not special-case it.
/// </remarks>
/// <typeparam name="T">Pixel type (uint8, uint16, uint32, int32 or float32).</typeparam>
public sealed class LogBlobDetector<T> : IBlobDetector<T> where T : unmanaged
{
    private static readonly double Sqrt3 = Math.Sqrt(3);
    private readonly DetectionOptions _options;
    private readonly ZyxInt _marginVoxels;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Detection options (profiles, channels, threads).</param>
    /// <param name="marginVoxels">Image margin z,y,x read around a box at first, voxels; raised to <see cref="MinimumMarginVoxels"/> where smaller. Larger is slower per box but needs fewer retries.</param>
    public LogBlobDetector(DetectionOptions options, ZyxInt marginVoxels = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _marginVoxels = marginVoxels;
    }

    /// <summary>Retries so far (boxes whose margin had to grow), for diagnostics.</summary>
    public int Retries => _retries;

    private int _retries;

    /// <summary>
    /// The image margin z,y,x (voxels) a box needs at least: pruning reach <c>⌈2√3σ_max⌉</c> plus kernel radius
    /// <c>int(4σ_max + 0.5)</c> plus 1, for the largest sigma over the detected channels' profiles at
    /// <paramref name="resolutionUm"/>.
    /// </summary>
    public static ZyxInt MinimumMarginVoxels(DetectionOptions options, Zyx resolutionUm, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        int m = 0;
        foreach (int c in options.Channels ?? Enumerable.Range(0, channelCount))
        {
            var scales = Scales(options, c, resolutionUm);
            double sMax = scales.Max(s => s.Sigma);
            m = Math.Max(m, (int)Math.Ceiling(2 * Sqrt3 * sMax) + scales.Max(s => s.Radius) + 1);
        }
        return new ZyxInt(m, m, m);
    }

    /// <inheritdoc/>
    public Blob[] DetectIn(RegionReader<T> image, Block box, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var grid = new BlockGrid(image.ShapeVoxels, image.ShapeVoxels);
        var channels = _options.Channels ?? Enumerable.Range(0, image.ChannelCount).ToArray();
        if (box.Offset == default && box.Shape == image.ShapeVoxels)
            return BlobDetector.Detect(image.Read(box), _options, null, cancellationToken);
        var first = _options.ProfileFor(channels.Count > 0 ? channels[0] : 0);
        if (first.Isotropic is not null)
            throw new NotSupportedException($"profile '{first.Name}' resamples the image isotropically, which block-wise detection does not support; use one block covering the whole image");
        if (_options.MagellanMapperPruneOrder)
            throw new NotSupportedException("MagellanMapper's pruning order depends on all peaks of a channel and is not supported block by block");
        var blobs = new List<Blob>();
        foreach (int c in channels)
        {
            if ((uint)c >= (uint)image.ChannelCount) throw new ArgumentException($"channel {c} is not in the image (it has {image.ChannelCount})");
            var scales = Scales(_options, c, image.ResolutionUm);
            int reach = (int)Math.Ceiling(2 * Sqrt3 * scales.Max(s => s.Sigma));
            int kernel = scales.Max(s => s.Radius) + 1;
            var margin = ZyxInt.FromAxes(a => Math.Max(reach, _marginVoxels[a] - kernel));
            while (true)
            {
                var exact = grid.Grow(box, margin);
                var region = grid.Grow(exact, ZyxInt.FromAxes(_ => kernel));
                if (TryChannel(image, region, exact, box, c, scales, reach, blobs, cancellationToken)) break;
                Interlocked.Increment(ref _retries);
                margin = ZyxInt.FromAxes(a => margin[a] * 2);
            }
        }
        return blobs.ToArray();
    }

    private bool TryChannel(RegionReader<T> image, Block region, Block exact, Block box, int channel, LogScale[] scales,
        int reach, List<Blob> blobs, CancellationToken ct)
    {
        var pixels = image.ReadChannel(region, channel);
        var source = new VolumePlaneSource<T>(pixels);
        var local = new Box(ZyxInt.FromAxes(a => exact.Offset[a] - region.Offset[a]).ToZyx(), exact.Shape.ToZyx());
        var profile = _options.ProfileFor(channel);
        var peaks = new LogRegionDetector(source, scales, default, region.Shape, _options.Threads, _options.Mode)
            .Run(local, profile.DetectionThreshold, null, ct);
        var off = region.Offset;
        for (int i = 0; i < peaks.Count; i++)
            peaks[i] = peaks[i] with { Z = peaks[i].Z + off.Z, Y = peaks[i].Y + off.Y, X = peaks[i].X + off.X };
        peaks.Sort(LogPeak.CompareCanonical);
        var component = OverlapComponents.Of(peaks, profile.Overlap, 2 * Sqrt3 * scales.Max(s => s.Sigma));
        var shape = image.ShapeVoxels;
        // Components reaching into the box must stay R inside the non-image faces of the exact area.
        var unsafeComponent = new HashSet<int>();
        for (int i = 0; i < peaks.Count; i++)
            if (NearOpenFace(peaks[i], exact, shape, reach)) unsafeComponent.Add(component[i]);
        var kept = OverlapPruner.Survivors(peaks, profile.Overlap);
        var boxArea = box.Box;
        for (int i = 0; i < peaks.Count; i++)
        {
            var p = peaks[i];
            if (!boxArea.Contains(p.Z, p.Y, p.X)) continue;
            if (unsafeComponent.Contains(component[i])) return false;
            if (kept[i]) blobs.Add(new Blob(p.Z, p.Y, p.X, p.Sigma * Sqrt3, -1, -1, channel));
        }
        return true;
    }

    private static bool NearOpenFace(LogPeak p, Block exact, ZyxInt shape, int reach)
    {
        int[] v = [p.Z, p.Y, p.X];
        for (int a = 0; a < 3; a++)
        {
            if (exact.Offset[a] > 0 && v[a] < exact.Offset[a] + reach) return true;
            int end = exact.Offset[a] + exact.Shape[a];
            if (end < shape[a] && v[a] >= end - reach) return true;
        }
        return false;
    }

    private static LogScale[] Scales(DetectionOptions options, int channel, Zyx resolutionUm)
    {
        var profile = options.ProfileFor(channel);
        if (profile.NumSigma < 1) throw new ArgumentException($"num_sigma must be >= 1, got {profile.NumSigma}");
        double scaleX = 1.0 / resolutionUm.X;
        var sigmas = LogScale.SigmaList(profile.MinSigmaFactor * scaleX, profile.MaxSigmaFactor * scaleX, profile.NumSigma);
        return sigmas.Select((s, k) => new LogScale(k, s)).ToArray();
    }
}
