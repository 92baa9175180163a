package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.Macro;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import java.awt.GraphicsEnvironment;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Coloc Regions without any dialog: labels (open image or ROI Manager) and blobs → engine → "Coloc Regions" table and plots. */
final class RegionsRunner {
    /** Title of the per-region table. */
    static final String TABLE = "Coloc Regions";

    private RegionsRunner() {
    }

    /** The outcome of one run; texts as the engine returned them (channels 0-based, as in the files). */
    static final class Outcome {
        String report;
        String regionsCsv;
        /** Per region row: its short name for plots (ontology acronym, ROI name, else the id). */
        List<String> shortNames = new ArrayList<String>();
        /** Pair names as a Fiji user reads them ("C1_C2": 1-based) and their L(r) CSV ("" without curves), in the same order. */
        List<String> pairs = new ArrayList<String>();
        List<String> lCurves = new ArrayList<String>();
        /** ROI names by id (id 1 first) when the labels came from the ROI Manager, else null. */
        List<String> roiNames;
    }

    /** Runs on the open image {@code imp} with the macro options of Coloc Regions. */
    static Outcome run(ImagePlus imp, final String options, boolean interactive) {
        ColocNative.load();
        Calibrations.checkChannels(Macro.getValue(options, "channels", ""), imp.getNChannels());
        String warning = Calibrations.uncalibratedWarning(imp);
        if (warning != null && !Macro.getValue(options, "unit", "micron").equals("pixel")) {
            IJ.log("Coloc warning: " + warning);
        }
        final Outcome o = new Outcome();
        String which = Macro.getValue(options, "labels", RoiLabels.NAME).trim();
        ImagePlus labels;
        if (which.equals(RoiLabels.NAME)) {
            RoiLabels r = RoiLabels.of(RoiManager.getInstance(), imp);
            labels = r.labels;
            o.roiNames = r.names;
        } else {
            labels = WindowManager.getImage(which);
            if (labels == null) {
                throw new IllegalArgumentException("labels: no open image is titled '" + which + "'");
            }
        }
        if (labels.getNChannels() != 1 || labels.getNFrames() != 1) {
            throw new IllegalArgumentException("labels: " + which + " must have one channel and one frame, it has "
                    + labels.getNChannels() + " channel(s), " + labels.getNFrames() + " frame(s)");
        }
        if (labels.getBitDepth() == 24) {
            throw new IllegalArgumentException("labels: " + which + " is an RGB image; labels must hold integer ids (8-, 16- or 32-bit)");
        }
        ImageStack ls = labels.getStack();
        final Object[] planes = new Object[ls.getSize()];
        for (int z = 0; z < planes.length; z++) {
            planes[z] = ls.getPixels(z + 1);
        }
        final int[] labelsShape = {labels.getNSlices(), labels.getHeight(), labels.getWidth()};
        final int[] shape = Calibrations.shapeZyx(imp);
        final double[] res = Calibrations.resolutionUm(imp.getCalibration());
        final double[] blobs = blobs(imp, options, interactive);
        if (interactive) {
            IJ.showStatus("Coloc: regions of " + blobs.length / 7 + " blobs (Esc cancels)");
        }
        String[] out = NativeCall.run(new NativeCall.Body<String[]>() {
            public String[] run(ByteBuffer control) {
                return ColocNative.regions(blobs, planes, labelsShape, shape, res, options, control);
            }
        }, interactive);
        o.report = out[0];
        o.regionsCsv = out[1];
        for (String line : out[2].split("\n")) {
            if (line.length() > 0) {
                String[] f = line.split("\t", -1);
                long id = Long.parseLong(f[0]);
                boolean roi = o.roiNames != null && id > 0 && id <= o.roiNames.size();
                o.shortNames.add(roi ? o.roiNames.get((int) id - 1) : f[1]);
            }
        }
        for (int i = 3; i + 1 < out.length; i += 2) {
            o.pairs.add(oneBased(out[i]));
            o.lCurves.add(out[i + 1]);
        }
        return o;
    }

    /** The blobs of the blob file, or detected on the image (Detect Blobs with the profile and channels) without one. */
    private static double[] blobs(ImagePlus imp, String options, boolean interactive) {
        String path = Macro.getValue(options, "blobs", "").trim();
        if (path.length() > 0) {
            if (interactive) {
                IJ.showStatus("Coloc: reading " + path);
            }
            return ColocNative.readBlobs(path);
        }
        String detect = Param.option("profile", Macro.getValue(options, "profile", "default")) + " "
                + Param.option("channels", Macro.getValue(options, "channels", ""));
        if (interactive) {
            IJ.showStatus("Coloc: detecting blobs (Esc cancels)");
        }
        return DetectRunner.canonical(DetectRunner.run(imp, detect, interactive));
    }

    /** A 0-based channel in a regions.csv name: "c0" as a whole "_"-separated part. */
    private static final java.util.regex.Pattern CHANNEL_IN_NAME = java.util.regex.Pattern.compile("(^|_)c(\\d+)(?=_|$)");

    /**
     * A regions.csv column or pair name with MagellanMapper's 0-based channels ("matches_c0_c1", "c0_c1") as a Fiji
     * user reads it, 1-based ("matches_C1_C2", "C1_C2"); the files keep the 0-based names.
     */
    static String oneBased(String name) {
        java.util.regex.Matcher m = CHANNEL_IN_NAME.matcher(name);
        StringBuffer sb = new StringBuffer();
        while (m.find()) {
            m.appendReplacement(sb, m.group(1) + "C" + (Integer.parseInt(m.group(2)) + 1));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * The per-region table: the columns of regions.csv with 1-based channels (see {@link #oneBased}), one row per region (true headless mode: the system Results
     * table). With ROI labels the name column holds the ROI names.
     */
    static ResultsTable table(Outcome o) {
        ResultsTable rt = GraphicsEnvironment.isHeadless() ? ResultsTable.getResultsTable() : new ResultsTable();
        rt.reset();
        rt.setPrecision(5);
        String[] lines = o.regionsCsv.split("\n");
        String[] header = split(lines[0]);
        for (int r = 1; r < lines.length; r++) {
            if (lines[r].length() == 0) {
                continue;
            }
            String[] f = split(lines[r]);
            rt.incrementCounter();
            for (int c = 0; c < header.length; c++) {
                String v = c < f.length ? f[c] : "";
                if (header[c].equals("name")) {
                    long id = Long.parseLong(f[0]);
                    boolean roi = o.roiNames != null && id > 0 && id <= o.roiNames.size();
                    rt.addValue("name", roi ? o.roiNames.get((int) id - 1) : v);
                } else {
                    rt.addValue(oneBased(header[c]), v.length() == 0 ? Double.NaN : Double.parseDouble(v));
                }
            }
        }
        return rt;
    }

    /** One CSV line; a field in double quotes may hold commas and doubled quotes. */
    static String[] split(String line) {
        List<String> fields = new ArrayList<String>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        fields.add(cur.toString());
        return fields.toArray(new String[0]);
    }

    /**
     * Shows the table as "Coloc Regions" and, with a display, the plots; logs the report. {@code imp} stays the current
     * image (the plots would otherwise become it, and a recorded macro's next command would run on a plot).
     */
    static void publish(Outcome o, ImagePlus imp) {
        ResultsTable rt = table(o);
        if (!GraphicsEnvironment.isHeadless()) {
            rt.show(TABLE);
            RegionPlots.show(o, rt);
            if (imp != null && WindowManager.getCurrentImage() != imp) {
                IJ.selectWindow(imp.getID());
            }
        }
        IJ.log("Coloc Regions: " + o.report + " (columns keep coloc regions' 0-based channels: c0 is C1)");
    }
}
