package coloc.ij;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import java.nio.ByteBuffer;

/** Detect Blobs without any dialog (shared by the menu command, Match Blobs without a blob file, and call()). */
final class DetectRunner {
    private DetectRunner() {
    }

    /** @return 7 doubles per blob (channel 0-based), detected on the current frame of {@code imp}. */
    static double[] run(ImagePlus imp, final String options, boolean interactive) {
        ColocNative.load();
        Calibrations.checkChannels(ij.Macro.getValue(options, "channels", ""), imp.getNChannels());
        final Object[] planes = StackStatistics.planes(imp);
        final int[] shape = {imp.getNChannels(), imp.getNSlices(), imp.getHeight(), imp.getWidth()};
        final double[] res = Calibrations.resolutionUm(imp.getCalibration());
        return NativeCall.run(new NativeCall.Body<double[]>() {
            public double[] run(ByteBuffer control) {
                return ColocNative.detectBlobs(planes, shape, res, options, control);
            }
        }, interactive);
    }

    /** Fills the system Results table: one row per blob (voxels, 1-based channel). */
    static ResultsTable fill(double[] blobs) {
        ResultsTable rt = ResultsTable.getResultsTable();
        rt.reset();
        for (int i = 0; i < blobs.length / 7; i++) {
            rt.incrementCounter();
            rt.addValue("Z (px)", blobs[i * 7]);
            rt.addValue("Y (px)", blobs[i * 7 + 1]);
            rt.addValue("X (px)", blobs[i * 7 + 2]);
            rt.addValue("Radius (px)", blobs[i * 7 + 3]);
            rt.addValue("Channel", blobs[i * 7 + 6] + 1);
        }
        return rt;
    }
}
