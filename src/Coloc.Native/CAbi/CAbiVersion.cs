namespace Coloc.Native.CAbi;

/// <summary>
/// The versioned C ABI of libcoloc.so (symbols <c>coloc_*</c>, used by the Python package <c>src/python/coloc</c> and
/// by any C caller). Bump <see cref="Version"/> whenever an export's signature, a status code, the
/// <see cref="CControl"/> layout, a result layout or the option-text format changes; callers refuse a different version.
/// </summary>
public static class CAbiVersion
{
    /// <summary>
    /// C ABI version 1: coloc_abi_version, coloc_last_error, coloc_free, coloc_parameters, coloc_read_blobs,
    /// coloc_match, coloc_result_pairs, coloc_result_rows, coloc_result_summary, coloc_result_write, coloc_result_free,
    /// coloc_detect, coloc_intensity. Later additions to version 1 (new exports only; no existing signature, status,
    /// layout or option format changed, so a version-1 caller keeps working and probes for the symbol):
    /// coloc_regions (<see cref="RegionExports"/>), and "regions" in coloc_parameters.
    /// </summary>
    public const int Version = 1;
}
