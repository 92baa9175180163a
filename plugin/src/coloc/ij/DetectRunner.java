package coloc.ij;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;
import java.nio.ByteBuffer;

/** Detect Blobs without any dialog (shared by the menu command, its preview, Match Blobs without a blob file, and call()). */
final class DetectRunner {
    /** Title of the per-blob table. */
    static final String BLOB_TABLE = "Coloc Blobs";

    private DetectRunner() {
    }

    /** @return {@link ColocNative#SCORED_BLOB_COLUMNS} doubles per blob (channel 0-based, then quality), detected on the current frame. */
    static double[] run(ImagePlus imp, String options, boolean interactive) {
        return run(imp, StackStatistics.planes(imp), imp.getNSlices(), options, interactive);
    }

    /** As {@link #run(ImagePlus, String, boolean)} on {@code slices} slices given as C*slices planes (index z*C + c). */
    static double[] run(ImagePlus imp, final Object[] planes, int slices, final String options, boolean interactive) {
        ColocNative.load();
        Calibrations.checkChannels(ij.Macro.getValue(options, "channels", ""), imp.getNChannels());
        final int[] shape = {imp.getNChannels(), slices, imp.getHeight(), imp.getWidth()};
        final double[] res = Calibrations.resolutionUm(imp.getCalibration());
        return NativeCall.run(new NativeCall.Body<double[]>() {
            public double[] run(ByteBuffer control) {
                return ColocNative.detectBlobs(planes, shape, res, options, control);
            }
        }, interactive);
    }

    /** The 7 canonical columns of scored blobs (what the engine's match and the blob CSV take). */
    static double[] canonical(double[] scored) {
        int w = ColocNative.SCORED_BLOB_COLUMNS;
        double[] r = new double[scored.length / w * 7];
        for (int i = 0; i < scored.length / w; i++) {
            System.arraycopy(scored, i * w, r, i * 7, 7);
        }
        return r;
    }

    /**
     * The "Coloc Blobs" table (true headless mode: the system Results table): one row per blob, its index in the blob
     * CSV (0-based row), 1-based channel, calibrated and voxel coordinates, radius, and its quality (LoG response).
     */
    static ResultsTable fill(double[] scored, Calibration cal) {
        ResultsTable rt = GraphicsEnvironment.isHeadless() ? ResultsTable.getResultsTable() : new ResultsTable();
        rt.reset();
        int w = ColocNative.SCORED_BLOB_COLUMNS;
        String unit = cal.getUnit();
        for (int i = 0; i < scored.length / w; i++) {
            int b = i * w;
            rt.incrementCounter();
            rt.addValue("Blob index", i);
            rt.addValue("Channel", scored[b + 6] + 1);
            rt.addValue("X (" + unit + ")", scored[b + 2] * cal.pixelWidth);
            rt.addValue("Y (" + unit + ")", scored[b + 1] * cal.pixelHeight);
            rt.addValue("Z (" + unit + ")", scored[b] * cal.pixelDepth);
            rt.addValue("X (px)", scored[b + 2]);
            rt.addValue("Y (px)", scored[b + 1]);
            rt.addValue("Z (px)", scored[b]);
            rt.addValue("Radius (px)", scored[b + 3]);
            rt.addValue("Radius (" + unit + ")", scored[b + 3] * cal.pixelWidth);
            rt.addValue("Quality", scored[b + 7]);
        }
        if (rt.getCounter() > 0) {
            rt.setDecimalPlaces(rt.getColumnIndex("Quality"), 5);
        }
        if (!GraphicsEnvironment.isHeadless()) {
            rt.show(BLOB_TABLE);
        }
        return rt;
    }
}
