package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

/**
 * Static entry points for {@code call("coloc.ij.Coloc.<method>", ...)}: the same option strings as the menu
 * commands, never a dialog, so they work in true headless ImageJ ({@code -Djava.awt.headless=true -batch}) where
 * {@code run()} cannot. They fill the system Results table ({@code Table.save(path)} saves it) and return the
 * summary text. A failure returns {@code "error: <message>"} (ImageJ's call() would swallow an exception), so a
 * macro checks {@code if (startsWith(r, "error:")) exit(r);}.
 */
public final class Coloc {
    private Coloc() {
    }

    /** @return "coloc ABI n" once the native library is loaded. */
    public static String version() {
        try {
            ColocNative.load();
            return "coloc ABI " + ColocNative.abiVersion();
        } catch (RuntimeException e) {
            return error(e);
        } catch (LinkageError e) {
            return error(e);
        }
    }

    /**
     * Match Blobs on an image file (or, with an empty path, the current image).
     *
     * @param imagePath a TIFF (or anything IJ.openImage reads); "" = current image
     * @param options the Match Blobs macro keys
     * @return the per-pair summary lines
     */
    public static String matchBlobs(String imagePath, String options) {
        try {
            ImagePlus imp = image(imagePath);
            MatchRunner.Outcome o = MatchRunner.run(imp, options, false);
            MatchRunner.publish(o, imp, false);
            return o.summaryText();
        } catch (RuntimeException e) {
            return error(e);
        } catch (LinkageError e) {
            return error(e);
        }
    }

    private static String error(Throwable e) {
        return "error: " + e.getMessage();
    }

    /**
     * Match Blobs for a stack given only by its geometry (no pixels needed).
     *
     * @param shapeZyx "z,y,x" in voxels
     * @param resolutionUm "z,y,x" voxel size in micrometres
     * @param options the Match Blobs macro keys
     * @return the per-pair summary lines
     */
    public static String matchShape(String shapeZyx, String resolutionUm, String options) {
        try {
            return matchShapeOrThrow(shapeZyx, resolutionUm, options);
        } catch (RuntimeException e) {
            return error(e);
        } catch (LinkageError e) {
            return error(e);
        }
    }

    private static String matchShapeOrThrow(String shapeZyx, String resolutionUm, String options) {
        double[] s = numbers(shapeZyx, "shape");
        double[] r = numbers(resolutionUm, "resolution");
        int[] shape = new int[3];
        for (int i = 0; i < 3; i++) {
            if (s[i] != Math.floor(s[i]) || s[i] < 1 || s[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape: whole numbers >= 1 expected, got '" + shapeZyx + "'");
            }
            shape[i] = (int) s[i];
        }
        MatchRunner.Outcome o = MatchRunner.run(shape, r, options, false);
        MatchRunner.publish(o, null, false);
        return o.summaryText();
    }

    /**
     * Per-channel statistics of an image file (or the current image), read in place by the native engine.
     *
     * @return one line per channel: "c<n>: min=.. max=.. mean=.. count=.."
     */
    public static String channelStatistics(String imagePath) {
        try {
            return StackStatistics.text(StackStatistics.of(image(imagePath), false));
        } catch (RuntimeException e) {
            return error(e);
        } catch (LinkageError e) {
            return error(e);
        }
    }

    /**
     * Intensity Colocalize on an image file (or, with an empty path, the current image); fills the Results table.
     *
     * @param options blobs, threshold, output (the Intensity Colocalize macro keys)
     * @return one line per channel with its threshold
     */
    public static String intensityColocalize(String imagePath, String options) {
        try {
            ImagePlus imp = image(imagePath);
            double[][] blobs = new double[1][];
            double[] r = IntensityRunner.run(imp, options, false, blobs);
            IntensityRunner.fill(r, blobs[0], imp.getNChannels());
            return IntensityRunner.text(r, blobs[0].length / 7, imp.getNChannels());
        } catch (RuntimeException e) {
            return error(e);
        } catch (LinkageError e) {
            return error(e);
        }
    }

    /**
     * Detect Blobs on an image file (or, with an empty path, the current image); fills the Results table.
     *
     * @param options profile, channels (1-based), output (blob CSV)
     * @return "N blobs"
     */
    public static String detectBlobs(String imagePath, String options) {
        try {
            ImagePlus imp = image(imagePath);
            double[] blobs = DetectRunner.run(imp, options, false);
            DetectRunner.fill(blobs, imp.getCalibration());
            return blobs.length / ColocNative.SCORED_BLOB_COLUMNS + " blobs";
        } catch (RuntimeException e) {
            return error(e);
        } catch (LinkageError e) {
            return error(e);
        }
    }

    static ImagePlus image(String path) {
        ImagePlus imp;
        try {
            imp = path == null || path.trim().length() == 0 ? WindowManager.getCurrentImage() : IJ.openImage(path);
        } catch (OutOfMemoryError e) {
            // ImageJ's reader allocates what a header claims (a 138-byte TIFF "of" 2^31-1 rows): the file's fault, one error line
            throw new IllegalArgumentException("cannot open image " + path + ": it claims more pixels than Java can hold ("
                    + e.getMessage() + ")");
        }
        if (imp == null) {
            throw new IllegalArgumentException(path == null || path.trim().length() == 0 ? "no image is open"
                    : "cannot open image " + path);
        }
        return imp;
    }

    private static double[] numbers(String text, String what) {
        String[] parts = (text == null ? "" : text).split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(what + ": expected z,y,x, got '" + text + "'");
        }
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                r[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": '" + parts[i] + "' is not a number");
            }
        }
        return r;
    }
}
