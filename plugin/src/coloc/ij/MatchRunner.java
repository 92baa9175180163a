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

    /** Title of the per-match table (the system Results table is left to the user, except in true headless mode). */
    static final String MATCH_TABLE = "Coloc Matches";

    private MatchRunner() {
    }

    /** The outcome of one run. */
    static final class Outcome {
        double[] blobs;
        double[] matches;
        String summaryTsv;
        /** The parameter line (tolerance used in µm and voxels, profile, mode...), or "" when none. */
        String parameters = "";
        /** The blobs with their quality when this run detected them ({@link ColocNative#SCORED_BLOB_COLUMNS} each), else null. */
        double[] scoredBlobs;
        /** Voxel size z,y,x in µm the run used (for the µm distance column). */
        double[] resolutionUm = {1, 1, 1};

        int matchCount() {
            return matches.length / ColocNative.MATCH_COLUMNS;
        }

        /**
         * The summary lines with 1-based channels as ImageJ counts them, e.g.
         * "1,2: 176 matches (48.8 % of 361 in C1, 42.6 % of 413 in C2)".
         */
        String summaryText() {
            StringBuilder sb = new StringBuilder();
            String[] lines = summaryTsv.split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t", -1);
                String[] ab = f[0].split(",");
                int a = Integer.parseInt(ab[0]) + 1;
                int b = Integer.parseInt(ab[1]) + 1;
                sb.append(a).append(',').append(b).append(": ").append(f[1]).append(" matches (")
                        .append(IJ.d2s(Double.parseDouble(f[4]), 1)).append(" % of ").append(f[2]).append(" in C").append(a)
                        .append(", ").append(IJ.d2s(Double.parseDouble(f[5]), 1)).append(" % of ").append(f[3])
                        .append(" in C").append(b).append(")\n");
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
        final String[] summary = new String[2];
        o.matches = NativeCall.run(new NativeCall.Body<double[]>() {
            public double[] run(ByteBuffer control) {
                return ColocNative.matchBlobs(o.blobs, shapeZyx, resolutionUm, options, control, summary);
            }
        }, interactive);
        o.summaryTsv = summary[0];
        o.parameters = summary[1] == null ? "" : summary[1];
        o.resolutionUm = resolutionUm.clone();
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
        Calibrations.checkChannels(Macro.getValue(options, "channels", ""), imp.getNChannels());
        String warning = Calibrations.uncalibratedWarning(imp);
        if (warning != null && !Macro.getValue(options, "unit", "micron").equals("pixel")) {
            IJ.log("Coloc warning: " + warning);
        }
        if (Macro.getValue(options, "blobs", "").trim().length() == 0) {
            String detect = Param.option("profile", Macro.getValue(options, "profile", "default")) + " "
                    + Param.option("channels", Macro.getValue(options, "channels", ""));
            if (interactive) {
                IJ.showStatus("Coloc: detecting blobs (Esc cancels)");
            }
            double[] scored = DetectRunner.run(imp, detect, interactive);
            Outcome o = run(DetectRunner.canonical(scored), Calibrations.shapeZyx(imp),
                    Calibrations.resolutionUm(imp.getCalibration()), withExperiment(imp, options), interactive);
            o.scoredBlobs = scored;
            return o;
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

    /** Heading of the first blob's row in the blob file (0-based, the "Blob index" of the Coloc Blobs table). */
    static final String INDEX_1 = "Blob1 index";

    /** Heading of the second blob's row in the blob file. */
    static final String INDEX_2 = "Blob2 index";

    /** Heading of the first blob's id in the results database (Open Coloc Database). */
    static final String DB_ID_1 = "Blob1 database id";

    /** Heading of the second blob's id in the results database. */
    static final String DB_ID_2 = "Blob2 database id";

    /** Heading of the physical distance column. */
    static final String DISTANCE_UM = "Distance (\u00b5m)";

    /**
     * Fills the system Results table: one row per match (1-based channels, calibrated and voxel coordinates, the
     * physical distance in µm and the engine's scaled distance, in voxels of the axis with the largest tolerance).
     * Each blob has two identity columns, both always present so a table reads the same after either command:
     * {@link #INDEX_1} (its 0-based row in the blob file below the header, the "Blob index" of the Coloc Blobs table;
     * NaN for matches read from a database) and {@link #DB_ID_1} (its id in the database's blobs table; NaN unless the
     * matches were read from a database, {@code stored}).
     */
    static ResultsTable fillResults(Outcome o, Calibration cal, boolean stored) {
        double[] res = o.resolutionUm;
        ResultsTable rt = GraphicsEnvironment.isHeadless() ? ResultsTable.getResultsTable() : new ResultsTable();
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
            rt.addValue(INDEX_1, stored ? Double.NaN : m[b + 2]);
            rt.addValue(INDEX_2, stored ? Double.NaN : m[b + 3]);
            rt.addValue(DB_ID_1, stored ? m[b + 2] : Double.NaN);
            rt.addValue(DB_ID_2, stored ? m[b + 3] : Double.NaN);
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
            double dz = (m[b + 4] - m[b + 8]) * res[0];
            double dy = (m[b + 5] - m[b + 9]) * res[1];
            double dx = (m[b + 6] - m[b + 10]) * res[2];
            rt.addValue(DISTANCE_UM, Math.sqrt(dz * dz + dy * dy + dx * dx));
            rt.addValue("Scaled distance (voxels)", m[b + 12]);
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

    /** The last outcome published for each open image (for Blobs to ROI Manager); images closed are forgotten. */
    private static final java.util.Map<ImagePlus, Outcome> LAST = java.util.Collections.synchronizedMap(
            new java.util.WeakHashMap<ImagePlus, Outcome>());

    /** Remembers {@code o} as the last result on {@code imp}. */
    static void remember(ImagePlus imp, Outcome o) {
        LAST.put(imp, o);
    }

    /** The last Match Blobs or Open Coloc Database result on {@code imp}, or null. */
    static Outcome last(ImagePlus imp) {
        return LAST.get(imp);
    }

    /** Fills the tables, shows them as "Coloc Matches" and "Coloc Summary" (true headless mode: the system Results table only), sets the overlay and, if asked, logs the summary. */
    static void publish(Outcome o, ImagePlus imp, boolean log) {
        ResultsTable rt = fillResults(o, imp == null ? new Calibration() : imp.getCalibration(), false);
        ResultsTable st = summaryTable(o);
        if (!GraphicsEnvironment.isHeadless()) {
            rt.show(MATCH_TABLE);
            st.show(SUMMARY_TABLE);
            if (o.scoredBlobs != null) {
                DetectRunner.fill(o.scoredBlobs, imp == null ? new Calibration() : imp.getCalibration());
            }
        }
        if (imp != null) {
            MatchOverlay.apply(o, imp);
            remember(imp, o);
        }
        if (log) {
            if (o.parameters.length() > 0) {
                IJ.log(o.parameters);
            }
            for (String line : o.summaryText().split("\n")) {
                if (line.length() > 0) {
                    IJ.log(line);
                }
            }
        }
    }
}
