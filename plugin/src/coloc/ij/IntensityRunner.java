package coloc.ij;

import ij.ImagePlus;
import ij.Macro;
import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;
import java.nio.ByteBuffer;

/** Intensity Colocalize without any dialog (shared by the menu command and call()). */
final class IntensityRunner {
    /** Title of the per-blob flags table. */
    static final String FLAGS_TABLE = "Coloc Intensity";

    /** Title of the % positive table. */
    static final String SUMMARY_TABLE = "Coloc Intensity Summary";

    private IntensityRunner() {
    }

    /**
     * Reads the blob file, or with an empty {@code blobs} detects the blobs on the image first (default profile, every
     * channel), then runs the intensity method.
     *
     * @return flags, thresholds and shares as intensityColocalize returns them; blobs (7 doubles each) in {@code blobsOut[0]}
     */
    static double[] run(ImagePlus imp, final String options, boolean interactive, double[][] blobsOut) {
        ColocNative.load();
        String path = Macro.getValue(options, "blobs", "").trim();
        final double[] blobs = path.length() == 0 ? DetectRunner.canonical(DetectRunner.run(imp, "", interactive))
                : ColocNative.readBlobs(path);
        blobsOut[0] = blobs;
        final Object[] planes = StackStatistics.planes(imp);
        final int[] shape = {imp.getNChannels(), imp.getNSlices(), imp.getHeight(), imp.getWidth()};
        return NativeCall.run(new NativeCall.Body<double[]>() {
            public double[] run(ByteBuffer control) {
                return ColocNative.intensityColocalize(planes, shape, blobs, options, control);
            }
        }, interactive);
    }

    private static ResultsTable table() {
        ResultsTable rt = GraphicsEnvironment.isHeadless() ? ResultsTable.getResultsTable() : new ResultsTable();
        rt.reset();
        return rt;
    }

    /** The flags table ("Coloc Intensity"; true headless: the system Results table): one row per blob, 1-based channels, a 0/1 column per channel. */
    static ResultsTable fill(double[] r, double[] blobs, int channels) {
        ResultsTable rt = table();
        int n = blobs.length / 7;
        int w = 1 + channels;
        for (int i = 0; i < n; i++) {
            rt.incrementCounter();
            rt.addValue("Blob", i);
            rt.addValue("Channel", blobs[i * 7 + 6] + 1);
            rt.addValue("Z (px)", blobs[i * 7]);
            rt.addValue("Y (px)", blobs[i * 7 + 1]);
            rt.addValue("X (px)", blobs[i * 7 + 2]);
            rt.addValue("In image", r[i * w]);
            for (int c = 0; c < channels; c++) {
                rt.addValue("C" + (c + 1), r[i * w + 1 + c]);
            }
        }
        if (!GraphicsEnvironment.isHeadless()) {
            rt.show(FLAGS_TABLE);
        }
        return rt;
    }

    /** The "Coloc Intensity Summary" table: per ordered channel pair, the blobs of the first and the % positive for the second. */
    static ResultsTable summary(double[] r, int blobs, int channels) {
        ResultsTable rt = new ResultsTable();
        int at = blobs * (1 + channels) + channels;
        for (int a = 0; a < channels; a++) {
            for (int b = 0; b < channels; b++) {
                if (a == b) {
                    continue;
                }
                rt.incrementCounter();
                rt.addValue("Blobs of", "C" + (a + 1));
                rt.addValue("Positive for", "C" + (b + 1));
                rt.addValue("Blobs", r[at]);
                rt.addValue("Positive", r[at + 1]);
                rt.addValue("% positive", r[at + 2]);
                at += 3;
            }
        }
        if (!GraphicsEnvironment.isHeadless()) {
            rt.show(SUMMARY_TABLE);
        }
        return rt;
    }

    /** One line per channel pair: "C1 blobs positive for C2: 40.0 % (12 of 30)"; then each channel's threshold. */
    static String text(double[] r, int blobs, int channels) {
        StringBuilder sb = new StringBuilder();
        int at = blobs * (1 + channels) + channels;
        for (int a = 0; a < channels; a++) {
            for (int b = 0; b < channels; b++) {
                if (a != b) {
                    sb.append("C").append(a + 1).append(" blobs positive for C").append(b + 1).append(": ")
                            .append(ij.IJ.d2s(r[at + 2], 1)).append(" % (").append((long) r[at + 1]).append(" of ")
                            .append((long) r[at]).append(")\n");
                    at += 3;
                }
            }
        }
        return sb.append(thresholds(r, blobs, channels)).toString();
    }

    /** One line per channel: its threshold (4 significant decimals). */
    static String thresholds(double[] r, int blobs, int channels) {
        StringBuilder sb = new StringBuilder();
        int base = blobs * (1 + channels);
        for (int c = 0; c < channels; c++) {
            sb.append("threshold C").append(c + 1).append(": ").append(ij.IJ.d2s(r[base + c], 4)).append('\n');
        }
        return sb.toString();
    }
}
