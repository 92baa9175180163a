package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import java.awt.GraphicsEnvironment;
import java.nio.ByteBuffer;

/** Match Blobs without any dialog: blobs → engine → Results table, summary table, overlay (shared by menu and call()). */
final class MatchRunner {
    /** Title of the per-pair summary table. */
    static final String SUMMARY_TABLE = "Coloc Summary";

    private MatchRunner() {
    }

    /** The outcome of one run. */
    static final class Outcome {
        double[] blobs;
        double[] matches;
        String summaryTsv;

        int matchCount() {
            return matches.length / ColocNative.MATCH_COLUMNS;
        }

        /** The summary lines as the CLI prints them. */
        String summaryText() {
            StringBuilder sb = new StringBuilder();
            String[] lines = summaryTsv.split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t", -1);
                sb.append(f[6]).append('\n');
            }
            return sb.toString();
        }
    }

    /** Runs the engine for an image of shape z,y,x with voxel size in µm; options as the macro keys. */
    static Outcome run(final int[] shapeZyx, final double[] resolutionUm, final String options, boolean interactive) {
        ColocNative.load();
        String path = Macro.getValue(options, "blobs", "");
        if (interactive) {
            IJ.showStatus("Coloc: reading " + path);
        }
        return run(ColocNative.readBlobs(path), shapeZyx, resolutionUm, options, interactive);
    }

    /** Runs the engine on blobs given as 7 doubles each. */
    static Outcome run(double[] blobs, final int[] shapeZyx, final double[] resolutionUm, final String options,
            boolean interactive) {
        final Outcome o = new Outcome();
        o.blobs = blobs;
        if (interactive) {
            IJ.showStatus("Coloc: matching " + o.blobs.length / 7 + " blobs (Esc cancels)");
        }
        final String[] summary = new String[1];
        o.matches = NativeCall.run(new NativeCall.Body<double[]>() {
            public double[] run(ByteBuffer control) {
                return ColocNative.matchBlobs(o.blobs, shapeZyx, resolutionUm, options, control, summary);
            }
        }, interactive);
        o.summaryTsv = summary[0];
        return o;
    }

    /** The experiment name of an image for the database: its title without the file extension. */
    static String experimentOf(ImagePlus imp) {
        String t = imp.getTitle();
        int dot = t.lastIndexOf('.');
        return dot > 0 ? t.substring(0, dot) : t;
    }

    /**
     * Runs on an open image: shape from the image, resolution from its calibration (experiment from its title).
     * Without a blob file the blobs are detected on the image first (Detect Blobs with the same profile and channels).
     */
    static Outcome run(ImagePlus imp, String options, boolean interactive) {
        if (Macro.getValue(options, "blobs", "").trim().length() == 0) {
            String detect = Param.option("profile", Macro.getValue(options, "profile", "default")) + " "
                    + Param.option("channels", Macro.getValue(options, "channels", ""));
            if (interactive) {
                IJ.showStatus("Coloc: detecting blobs (Esc cancels)");
            }
            double[] blobs = DetectRunner.run(imp, detect, interactive);
            return run(blobs, Calibrations.shapeZyx(imp), Calibrations.resolutionUm(imp.getCalibration()),
                    withExperiment(imp, options), interactive);
        }
        return run(Calibrations.shapeZyx(imp), Calibrations.resolutionUm(imp.getCalibration()), withExperiment(imp, options),
                interactive);
    }

    private static String withExperiment(ImagePlus imp, String options) {
        if (Macro.getValue(options, "database", "").length() > 0 && Macro.getValue(options, "experiment", "").length() == 0) {
            return options + " " + Param.option("experiment", experimentOf(imp));
        }
        return options;
    }

    /** Fills the system Results table: one row per match (1-based channels, calibrated and voxel coordinates). */
    static ResultsTable fillResults(Outcome o, Calibration cal) {
        ResultsTable rt = ResultsTable.getResultsTable();
        rt.reset();
        double[] m = o.matches;
        int w = ColocNative.MATCH_COLUMNS;
        String unit = cal.getUnit();
        for (int i = 0; i < o.matchCount(); i++) {
            int b = i * w;
            rt.incrementCounter();
            rt.addValue("Pair", (int) m[b] + 1 + "," + ((int) m[b + 1] + 1));
            rt.addValue("C1", m[b] + 1);
            rt.addValue("C2", m[b + 1] + 1);
            rt.addValue("Blob1", m[b + 2]);
            rt.addValue("Blob2", m[b + 3]);
            rt.addValue("X1 (" + unit + ")", m[b + 6] * cal.pixelWidth);
            rt.addValue("Y1 (" + unit + ")", m[b + 5] * cal.pixelHeight);
            rt.addValue("Z1 (" + unit + ")", m[b + 4] * cal.pixelDepth);
            rt.addValue("X2 (" + unit + ")", m[b + 10] * cal.pixelWidth);
            rt.addValue("Y2 (" + unit + ")", m[b + 9] * cal.pixelHeight);
            rt.addValue("Z2 (" + unit + ")", m[b + 8] * cal.pixelDepth);
            rt.addValue("X1 (px)", m[b + 6]);
            rt.addValue("Y1 (px)", m[b + 5]);
            rt.addValue("Z1 (px)", m[b + 4]);
            rt.addValue("X2 (px)", m[b + 10]);
            rt.addValue("Y2 (px)", m[b + 9]);
            rt.addValue("Z2 (px)", m[b + 8]);
            rt.addValue("Distance", m[b + 12]);
        }
        return rt;
    }

    /** The per-pair summary table (channels 1-based): matches, blobs per channel, % of each channel matched. */
    static ResultsTable summaryTable(Outcome o) {
        ResultsTable rt = new ResultsTable();
        String[] lines = o.summaryTsv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            String[] ab = f[0].split(",");
            rt.incrementCounter();
            rt.addValue("Pair", (Integer.parseInt(ab[0]) + 1) + "," + (Integer.parseInt(ab[1]) + 1));
            rt.addValue("Matches", Double.parseDouble(f[1]));
            rt.addValue("Blobs A", Double.parseDouble(f[2]));
            rt.addValue("Blobs B", Double.parseDouble(f[3]));
            rt.addValue("% A matched", Double.parseDouble(f[4]));
            rt.addValue("% B matched", Double.parseDouble(f[5]));
        }
        return rt;
    }

    /** Fills the tables, shows them (not in true headless mode), sets the overlay and, if asked, logs the summary. */
    static void publish(Outcome o, ImagePlus imp, boolean log) {
        ResultsTable rt = fillResults(o, imp == null ? new Calibration() : imp.getCalibration());
        ResultsTable st = summaryTable(o);
        if (!GraphicsEnvironment.isHeadless()) {
            rt.show("Results");
            st.show(SUMMARY_TABLE);
        }
        if (imp != null) {
            imp.setOverlay(MatchOverlay.build(o, imp));
        }
        for (String line : o.summaryText().split("\n")) {
            if (log && line.length() > 0) {
                IJ.log(line);
            }
        }
    }
}
