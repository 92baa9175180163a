package coloc.ij;

import ij.ImagePlus;
import ij.Macro;
import ij.measure.ResultsTable;
import java.nio.ByteBuffer;

/** Intensity Colocalize without any dialog (shared by the menu command and call()). */
final class IntensityRunner {
    private IntensityRunner() {
    }

    /** @return flags and thresholds as intensityColocalize returns them; blobs in {@code blobsOut[0]}. */
    static double[] run(ImagePlus imp, final String options, boolean interactive, double[][] blobsOut) {
        ColocNative.load();
        final double[] blobs = ColocNative.readBlobs(Macro.getValue(options, "blobs", ""));
        blobsOut[0] = blobs;
        final Object[] planes = StackStatistics.planes(imp);
        final int[] shape = {imp.getNChannels(), imp.getNSlices(), imp.getHeight(), imp.getWidth()};
        return NativeCall.run(new NativeCall.Body<double[]>() {
            public double[] run(ByteBuffer control) {
                return ColocNative.intensityColocalize(planes, shape, blobs, options, control);
            }
        }, interactive);
    }

    /** Fills the system Results table: one row per blob, 1-based channels, a 0/1 column per image channel. */
    static ResultsTable fill(double[] r, double[] blobs, int channels) {
        ResultsTable rt = ResultsTable.getResultsTable();
        rt.reset();
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
        return rt;
    }

    /** One line per channel: its threshold. */
    static String thresholds(double[] r, int blobs, int channels) {
        StringBuilder sb = new StringBuilder();
        int base = blobs * (1 + channels);
        for (int c = 0; c < channels; c++) {
            sb.append("threshold C").append(c + 1).append(": ").append(r[base + c]).append('\n');
        }
        return sb.toString();
    }
}
