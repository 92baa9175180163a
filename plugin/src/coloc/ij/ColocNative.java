package coloc.ij;

import java.nio.ByteBuffer;

/**
 * The JNI surface of libcoloc.so (NativeAOT build of src/Coloc.Native), ABI version {@link #ABI}. Every method throws
 * a Java exception (IllegalArgumentException for bad input, CancellationException when cancelled) with a one-line
 * message on failure; none of them ever calls back into Java.
 */
public final class ColocNative {
    /** The ABI this class was compiled against; must equal {@link #abiVersion()}. */
    public static final int ABI = 3;

    /** Values per blob returned by detectBlobs: the 7 canonical columns and the quality. */
    public static final int SCORED_BLOB_COLUMNS = 8;

    /** Columns of a match table row (see matchBlobs). */
    public static final int MATCH_COLUMNS = 14;

    private ColocNative() {
    }

    /** Loads the library once per JVM (class loader) and checks its ABI version. */
    public static synchronized void load() {
        NativeLoader.load();
        int v = abiVersion();
        if (v != ABI) {
            throw new IllegalStateException("libcoloc ABI " + v + " does not match the plugin's ABI " + ABI);
        }
    }

    /** A 16-byte control block: byte 0 = cancel flag (set by Java), double at 8 = progress 0..1 (set by native). */
    public static ByteBuffer newControl() {
        return ByteBuffer.allocateDirect(16).order(java.nio.ByteOrder.nativeOrder());
    }

    /** @return the library's ABI version. */
    public static native int abiVersion();

    /**
     * @param command "match"
     * @return one line per option: key TAB kind TAB default TAB unit TAB choices(|) TAB help TAB label
     */
    public static native String parameterSpec(String command);

    /** @return the blobs of a MagellanMapper blob CSV, 7 doubles per blob (z,y,x,radius,confirmed,truth,channel). */
    public static native double[] readBlobs(String path);

    /**
     * Match colocalization through the engine (the same as {@code coloc match}).
     *
     * @param blobs 7 doubles per blob
     * @param shapeZyx image shape z,y,x in voxels
     * @param resolutionUm voxel size z,y,x in micrometres
     * @param options macro options (mode, profile, tolerance, unit, channels, output, database)
     * @param control null or {@link #newControl()}
     * @param summaryOut null, String[1] receiving the per-pair summary (TSV with header, channels 0-based), or String[2]
     *        also receiving the parameter line (tolerance used in µm and voxels, profile, mode, resolution; channels 1-based)
     * @return {@link #MATCH_COLUMNS} doubles per match: channel_a, channel_b, blob1_index, blob2_index, z1, y1, x1, r1,
     *         z2, y2, x2, r2, distance, color_argb (channels 0-based, voxels)
     */
    public static native double[] matchBlobs(double[] blobs, int[] shapeZyx, double[] resolutionUm, String options,
            ByteBuffer control, String[] summaryOut);

    /**
     * @param planes C*Z pixel arrays of one frame (byte[], short[] or float[]), index z*C + c
     * @param shapeCzyx c, z, y, x
     * @param control null or {@link #newControl()}
     * @return per channel min, max, mean, count, nanCount; then the number of bytes the JVM copied (0 = zero-copy)
     */
    public static native double[] channelStatistics(Object[] planes, int[] shapeCzyx, ByteBuffer control);

    /**
     * MagellanMapper's intensity method on one frame, read in place.
     *
     * @param planes C*Z pixel arrays, index z*C + c
     * @param shapeCzyx c, z, y, x
     * @param blobs 7 doubles per blob
     * @param options blobs, threshold (min or a percentile), output (CSV file)
     * @param control null or {@link #newControl()}
     * @return per blob: in_roi then C flags (1 + C doubles); then C thresholds (NaN if none); then bytes copied
     */
    public static native double[] intensityColocalize(Object[] planes, int[] shapeCzyx, double[] blobs, String options,
            ByteBuffer control);

    /**
     * MagellanMapper's select_matches.
     *
     * @param options database, channels (1-based, required), experiment
     * @param regionOffsetZyx null (whole image) or the region's offset z,y,x in voxels
     * @param regionShapeZyx null or the region's size z,y,x
     * @return {@link #MATCH_COLUMNS} doubles per match as matchBlobs, the index columns holding database blob ids
     */
    public static native double[] selectMatches(String options, int[] regionOffsetZyx, int[] regionShapeZyx);

    /**
     * Laplacian-of-Gaussian blob detection (as {@code coloc detect}) on one frame, read in place.
     *
     * @param planes C*Z pixel arrays, index z*C + c
     * @param shapeCzyx c, z, y, x
     * @param resolutionUm voxel size z,y,x in micrometres
     * @param options profile, channels (1-based), min_diameter, max_diameter (µm), threshold, output (blob CSV)
     * @param control null or {@link #newControl()}
     * @return {@link #SCORED_BLOB_COLUMNS} doubles per blob (z,y,x,radius,confirmed,truth,channel; channel 0-based;
     *         then the quality: the scale-normalised LoG response at the blob's peak)
     */
    public static native double[] detectBlobs(Object[] planes, int[] shapeCzyx, double[] resolutionUm, String options,
            ByteBuffer control);

    /**
     * The per-region analysis (as {@code coloc regions}) on an open image's geometry.
     *
     * @param blobs 7 doubles per blob
     * @param labelPlanes the labels' Z planes (byte[], short[] or float[] holding whole numbers), one channel
     * @param labelsShapeZyx the labels' shape z,y,x (at most the image's)
     * @param imageShapeZyx the image's shape z,y,x in voxels
     * @param resolutionUm the image's voxel size z,y,x in micrometres
     * @param options macro options of Coloc Regions (labels only names the labels; matches empty = match here)
     * @param control null or {@link #newControl()}
     * @return [0] report line, [1] regions.csv text, [2] "label TAB short name" lines, then per pair "c&lt;a&gt;_c&lt;b&gt;"
     *         and its L(r) CSV text ("" without curves); channels 0-based as in the files
     */
    public static native String[] regions(double[] blobs, Object[] labelPlanes, int[] labelsShapeZyx, int[] imageShapeZyx,
            double[] resolutionUm, String options, ByteBuffer control);
}
