namespace Coloc.Native;

/// <summary>
/// The versioned contract between libcoloc.so and the Java class <c>coloc.ij.ColocNative</c>. Bump
/// <see cref="Version"/> whenever an export's signature, a result layout or the parameter-spec format changes; the Java
/// side refuses to run against a library whose version differs from the one it was compiled for.
/// </summary>
public static class NativeAbi
{
    /// <summary>JNI ABI version 1 (the C ABI of <c>coloc_*</c> symbols has its own, <see cref="CAbi.CAbiVersion"/>): exports abiVersion, parameterSpec, readBlobs, matchBlobs, channelStatistics, intensityColocalize, selectMatches, detectBlobs.</summary>
    /// <remarks>ABI 2: matchBlobs fills <c>summaryOut[1]</c> with the parameter line when the array has two elements.</remarks>
    /// <remarks>ABI 3: detectBlobs returns 8 doubles per blob, the 8th its quality (LoG response); the parameter spec has a 7th field, the dialog label;
    /// intensityColocalize appends the % of each channel's blobs positive for each other channel.</remarks>
    /// <remarks>Added within ABI 3 (no existing export changed): regions (Fiji's Coloc Regions, <see cref="Exports.RegionsExport"/>).</remarks>
    public const int Version = 3;

    /// <summary>The JNI symbol prefix of the Java class <c>coloc.ij.ColocNative</c>.</summary>
    public const string Prefix = "Java_coloc_ij_ColocNative_";
}
