namespace Coloc.Core.Intensity;

/// <summary>How many blobs of one channel are bright in another (a row of <see cref="IntensityShares.Of"/>).</summary>
/// <param name="BlobChannel">The blobs' channel, 0-based.</param>
/// <param name="OtherChannel">The channel they are tested in, 0-based (never <paramref name="BlobChannel"/>).</param>
/// <param name="Blobs">Blobs of <paramref name="BlobChannel"/> inside the image.</param>
/// <param name="Positive">Of those, the ones flagged 1 in <paramref name="OtherChannel"/>.</param>
public sealed record IntensityShare(int BlobChannel, int OtherChannel, int Blobs, int Positive)
{
    /// <summary>100 · <see cref="Positive"/> / <see cref="Blobs"/>, in %; NaN without blobs.</summary>
    public double Percent => Blobs == 0 ? double.NaN : 100.0 * Positive / Blobs;
}
