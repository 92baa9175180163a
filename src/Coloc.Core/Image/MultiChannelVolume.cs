using Coloc.Core.Geometry;

namespace Coloc.Core.Image;

/// <summary>A multichannel 3D image: one <see cref="IVolume{T}"/> per channel, all of one shape, plus the voxel size.</summary>
/// <typeparam name="T">Pixel type.</typeparam>
public sealed class MultiChannelVolume<T> where T : unmanaged
{
    /// <summary>Creates the image.</summary>
    /// <param name="channels">One volume per channel (≥ 1), equal shapes.</param>
    /// <param name="resolutionUm">Voxel size z,y,x in µm.</param>
    public MultiChannelVolume(IReadOnlyList<IVolume<T>> channels, Zyx resolutionUm)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0) throw new ArgumentException("an image needs at least one channel", nameof(channels));
        if (channels.Any(c => c.Shape != channels[0].Shape))
            throw new ArgumentException("all channels must have the same shape", nameof(channels));
        if (!resolutionUm.IsFinite || resolutionUm.Min <= 0)
            throw new ArgumentOutOfRangeException(nameof(resolutionUm), resolutionUm, "resolution must be finite and > 0");
        Channels = channels;
        ResolutionUm = resolutionUm;
    }

    /// <summary>The channels.</summary>
    public IReadOnlyList<IVolume<T>> Channels { get; }

    /// <summary>Shape z,y,x of every channel.</summary>
    public ZyxInt Shape => Channels[0].Shape;

    /// <summary>Voxel size z,y,x in µm.</summary>
    public Zyx ResolutionUm { get; }
}
