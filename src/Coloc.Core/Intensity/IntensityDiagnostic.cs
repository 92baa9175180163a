namespace Coloc.Core.Intensity;

/// <summary>One compared (blob, other channel): what MagellanMapper prints in verbose mode.</summary>
/// <param name="BlobIndex">Row of the blob in the input (0-based).</param>
/// <param name="BlobChannel">The blob's channel.</param>
/// <param name="OtherChannel">The channel whose intensity is averaged (may equal <paramref name="BlobChannel"/>).</param>
/// <param name="MeanIntensityInOther">Mean of <paramref name="OtherChannel"/> over the blob's region (NaN if empty).</param>
/// <param name="ThresholdOfOther">Threshold of <paramref name="OtherChannel"/> (may be NaN).</param>
public readonly record struct IntensityDiagnostic(int BlobIndex, int BlobChannel, int OtherChannel, double MeanIntensityInOther, double ThresholdOfOther)
{
    /// <summary>True if the blob counts as bright in the other channel: <c>mean ≥ threshold</c> (false if either is NaN).</summary>
    public bool Colocalized => MeanIntensityInOther >= ThresholdOfOther;
}
