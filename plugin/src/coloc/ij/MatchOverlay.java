package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The overlay of a Coloc run, merged into the image's own overlay: elements Coloc drew before (named "Coloc ...")
 * are replaced, everything else stays. Unmatched blobs are circles in their channel's colour (ImageJ's composite
 * order: red, green, blue, grey, cyan, magenta, yellow); both blobs of a matched pair are circles in the colour of
 * their channel pair (white for the first pair, then orange, pink, violet, brown: never near a channel colour) and a
 * line of that colour joins their centres. A blob is drawn as its circular cross-section on each slice it occupies,
 * a pair's line on every slice between its two centres. A legend (all slices, in the corner with the fewest blobs,
 * translucent) names each colour with its count. Element names: "Coloc C1 unmatched", "Coloc 1,2 match 7", "Coloc 1,2 line 7", "Coloc legend".
 */
final class MatchOverlay {
    static final Color[] CHANNEL_COLORS = {Color.red, Color.green, Color.blue, Color.gray, Color.cyan, Color.magenta,
        Color.yellow};

    /** Colours of channel pairs, in the order of the pairs (1,2 before 1,3 before 2,3...), repeating. */
    static final Color[] PAIR_COLORS = {Color.white, new Color(255, 150, 0), new Color(255, 175, 200),
        new Color(150, 80, 255), new Color(150, 75, 0)};

    /** Prefix of every overlay element Coloc draws (and replaces on the next run). */
    static final String PREFIX = "Coloc ";

    /** More ROIs than this are not drawn (the tables and files still hold everything). */
    static final int MAX_ROIS = 200000;

    private MatchOverlay() {
    }

    /** Replaces Coloc's elements of the image's overlay by those of {@code o}; the user's own elements stay. */
    static void apply(MatchRunner.Outcome o, ImagePlus imp) {
        Overlay ov = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        removeColoc(ov);
        add(ov, o, imp);
        imp.setOverlay(ov);
    }

    /** Name of the preview's circles (Detect Blobs with Preview ticked). */
    static final String PREVIEW = PREFIX + "preview";

    /**
     * Shows scored blobs ({@link ColocNative#SCORED_BLOB_COLUMNS} each, z offset by {@code zOffset}) that reach the
     * 0-based {@code slice} as circles in their channel colour, replacing the previous preview; null clears it.
     */
    static void preview(ImagePlus imp, double[] scored, int zOffset, int slice) {
        Overlay ov = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        for (int i = ov.size() - 1; i >= 0; i--) {
            if (PREVIEW.equals(ov.get(i).getName())) {
                ov.remove(i);
            }
        }
        int w = ColocNative.SCORED_BLOB_COLUMNS;
        for (int i = 0; scored != null && i < scored.length / w; i++) {
            int b = i * w;
            double r = Math.max(scored[b + 3], 1);
            double dz = slice - (scored[b] + zOffset);
            if (Math.abs(dz) <= r) {
                double rs = Math.max(0.5, Math.sqrt(r * r - dz * dz));
                Roi roi = new OvalRoi(scored[b + 2] - rs + 0.5, scored[b + 1] - rs + 0.5, 2 * rs, 2 * rs);
                roi.setStrokeColor(CHANNEL_COLORS[(int) scored[b + 6] % CHANNEL_COLORS.length]);
                roi.setName(PREVIEW);
                position(roi, imp, slice);
                ov.add(roi);
            }
        }
        imp.setOverlay(ov);
    }

    /** Removes every element named "Coloc ...". */
    static void removeColoc(Overlay ov) {
        for (int i = ov.size() - 1; i >= 0; i--) {
            String name = ov.get(i).getName();
            if (name != null && name.startsWith(PREFIX)) {
                ov.remove(i);
            }
        }
    }

    /** "a,b" (1-based) of a match row. */
    private static String pair(double[] m, int b) {
        return ((int) m[b] + 1) + "," + ((int) m[b + 1] + 1);
    }

    /** The number of matches of each channel pair ("1,2", 1-based), in the pairs' order. */
    private static TreeMap<String, Integer> pairCounts(MatchRunner.Outcome o) {
        TreeMap<String, Integer> counts = new TreeMap<String, Integer>();
        for (int i = 0; i < o.matchCount(); i++) {
            String p = pair(o.matches, i * ColocNative.MATCH_COLUMNS);
            counts.put(p, counts.containsKey(p) ? counts.get(p) + 1 : 1);
        }
        return counts;
    }

    /** The channel pairs of {@code o} ("1,2", 1-based) in order; pair k has colour {@code PAIR_COLORS[k % 5]}. */
    static List<String> pairs(MatchRunner.Outcome o) {
        return new ArrayList<String>(pairCounts(o).keySet());
    }

    private static void add(Overlay ov, MatchRunner.Outcome o, ImagePlus imp) {
        int start = ov.size();
        int w = ColocNative.MATCH_COLUMNS;
        int nBlobs = o.blobs.length / 7;
        boolean[] matched = new boolean[nBlobs];
        double[] m = o.matches;
        TreeMap<String, Integer> pairCounts = pairCounts(o);
        List<String> pairs = new ArrayList<String>(pairCounts.keySet());
        List<double[]> centres = new ArrayList<double[]>();
        for (int i = 0; i < o.matchCount() && ov.size() - start < MAX_ROIS; i++) {
            int b = i * w;
            String p = pair(m, b);
            centres.add(new double[] {m[b + 6], m[b + 5]});
            centres.add(new double[] {m[b + 10], m[b + 9]});
            Color c = PAIR_COLORS[pairs.indexOf(p) % PAIR_COLORS.length];
            circle(ov, imp, m[b + 4], m[b + 5], m[b + 6], m[b + 7], c, PREFIX + p + " match " + (i + 1));
            circle(ov, imp, m[b + 8], m[b + 9], m[b + 10], m[b + 11], c, PREFIX + p + " match " + (i + 1));
            line(ov, imp, m, b, c, PREFIX + p + " line " + (i + 1));
            for (int k = 2; k <= 3; k++) {
                int idx = (int) m[b + k];
                if (idx >= 0 && idx < nBlobs) {
                    matched[idx] = true;
                }
            }
        }
        int[] unmatched = new int[CHANNEL_COLORS.length * 64];
        int maxChannel = -1;
        for (int i = 0; i < nBlobs && ov.size() - start < MAX_ROIS; i++) {
            if (!matched[i]) {
                double[] bl = o.blobs;
                int ch = (int) bl[i * 7 + 6];
                if (ch >= 0 && ch < unmatched.length) {
                    unmatched[ch]++;
                    maxChannel = Math.max(maxChannel, ch);
                }
                circle(ov, imp, bl[i * 7], bl[i * 7 + 1], bl[i * 7 + 2], bl[i * 7 + 3],
                        CHANNEL_COLORS[ch % CHANNEL_COLORS.length], PREFIX + "C" + (ch + 1) + " unmatched");
                centres.add(new double[] {bl[i * 7 + 2], bl[i * 7 + 1]});
            }
        }
        if (ov.size() - start >= MAX_ROIS) {
            IJ.log("Coloc: overlay limited to " + MAX_ROIS + " ROIs");
        }
        List<String> texts = new ArrayList<String>();
        List<Color> colors = new ArrayList<Color>();
        for (int i = 0; i < pairs.size(); i++) {
            int n = pairCounts.get(pairs.get(i));
            texts.add("\u2014 " + pairs.get(i) + ": " + n + (n == 1 ? " pair" : " pairs"));
            colors.add(PAIR_COLORS[i % PAIR_COLORS.length]);
        }
        for (int c = 0; c <= maxChannel; c++) {
            texts.add("\u25cb C" + (c + 1) + ": " + unmatched[c] + " unmatched");
            colors.add(CHANNEL_COLORS[c % CHANNEL_COLORS.length]);
        }
        legend(ov, imp, texts, colors, centres);
    }

    /**
     * The overlay of Intensity Colocalize, merged like {@link #apply}: a blob positive for at least one other channel
     * as a white circle ("Coloc C1 positive"), the others in their channel colour ("Coloc C1 negative"), and a legend.
     *
     * @param flags intensityColocalize's result (per blob: in_roi, then one flag per channel)
     */
    static void applyIntensity(ImagePlus imp, double[] blobs, double[] flags, int channels) {
        Overlay ov = imp.getOverlay() == null ? new Overlay() : imp.getOverlay();
        removeColoc(ov);
        int n = blobs.length / 7;
        int[] positive = new int[channels];
        int[] negative = new int[channels];
        List<double[]> centres = new ArrayList<double[]>();
        for (int i = 0; i < n && ov.size() < MAX_ROIS; i++) {
            int ch = (int) blobs[i * 7 + 6];
            boolean pos = false;
            for (int c = 0; c < channels; c++) {
                pos |= c != ch && flags[i * (1 + channels) + 1 + c] > 0;
            }
            if (ch >= 0 && ch < channels) {
                if (pos) {
                    positive[ch]++;
                } else {
                    negative[ch]++;
                }
            }
            circle(ov, imp, blobs[i * 7], blobs[i * 7 + 1], blobs[i * 7 + 2], blobs[i * 7 + 3],
                    pos ? PAIR_COLORS[0] : CHANNEL_COLORS[ch % CHANNEL_COLORS.length],
                    PREFIX + "C" + (ch + 1) + (pos ? " positive" : " negative"));
            centres.add(new double[] {blobs[i * 7 + 2], blobs[i * 7 + 1]});
        }
        List<String> texts = new ArrayList<String>();
        List<Color> colors = new ArrayList<Color>();
        for (int c = 0; c < channels; c++) {
            texts.add("\u25cb C" + (c + 1) + ": " + positive[c] + " positive");
            colors.add(PAIR_COLORS[0]);
            texts.add("\u25cb C" + (c + 1) + ": " + negative[c] + " negative");
            colors.add(CHANNEL_COLORS[c % CHANNEL_COLORS.length]);
        }
        legend(ov, imp, texts, colors, centres);
        imp.setOverlay(ov);
    }

    /**
     * The legend: one line per colour on a translucent black box, on every slice, in the image corner holding the
     * fewest blob centres ({@code centres}: x,y in pixels; ties: top left, top right, bottom left, bottom right). Its
     * font scales with the image (a 24th of the smaller side, 4 to 18 pixels), so on a small image it stays small.
     */
    private static void legend(Overlay ov, ImagePlus imp, List<String> texts, List<Color> colors, List<double[]> centres) {
        if (texts.isEmpty()) {
            return;
        }
        int size = legendFontSize(imp.getWidth(), imp.getHeight());
        Font font = new Font("SansSerif", Font.PLAIN, size);
        List<Roi> elements = new ArrayList<Roi>();
        try {
            java.awt.FontMetrics fm = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
                    .getGraphics().getFontMetrics(font);
            double lineHeight = fm.getHeight();
            double width = 0;
            for (String t : texts) {
                width = Math.max(width, fm.stringWidth(t));
            }
            double boxW = width + size;
            double boxH = lineHeight * texts.size() + size * 0.5;
            double[] at = legendCorner(imp.getWidth(), imp.getHeight(), boxW, boxH, centres);
            Roi box = new Roi(at[0], at[1], boxW, boxH);
            box.setFillColor(new Color(0, 0, 0, 120));
            box.setName(PREFIX + "legend");
            elements.add(box);
            for (int i = 0; i < texts.size(); i++) {
                TextRoi t = new TextRoi(at[0] + size * 0.5, at[1] + size * 0.25 + i * lineHeight, texts.get(i), font);
                t.setStrokeColor(colors.get(i));
                t.setName(PREFIX + "legend");
                elements.add(t);
            }
        } catch (RuntimeException | InternalError | LinkageError e) {
            // A JVM without usable fonts (a server without fontconfig or its font libraries) cannot measure text: the
            // overlay goes without its legend rather than failing the command (the counts are in the tables and Log).
            return;
        }
        for (Roi r : elements) {
            ov.add(r);
        }
    }

    /** The legend's font size in pixels for an image of {@code width}×{@code height} pixels: a 24th of the smaller side, 4..18. */
    static int legendFontSize(int width, int height) {
        return Math.max(4, Math.min(18, Math.min(width, height) / 24));
    }

    /**
     * The top-left x,y of a {@code boxW}×{@code boxH} legend in the corner of the image (2 pixels in) that covers the
     * fewest of {@code centres} (x,y each); ties go to the first of top left, top right, bottom left, bottom right.
     */
    static double[] legendCorner(int width, int height, double boxW, double boxH, List<double[]> centres) {
        double[][] corners = {{2, 2}, {width - 2 - boxW, 2}, {2, height - 2 - boxH}, {width - 2 - boxW, height - 2 - boxH}};
        double[] best = corners[0];
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            double x0 = Math.max(0, c[0]);
            double y0 = Math.max(0, c[1]);
            int n = 0;
            for (double[] p : centres) {
                if (p[0] >= x0 && p[0] <= c[0] + boxW && p[1] >= y0 && p[1] <= c[1] + boxH) {
                    n++;
                }
            }
            if (n < fewest) {
                fewest = n;
                best = new double[] {x0, y0};
            }
        }
        return best;
    }

    /** The line joining a pair's centres, on every slice from one centre's to the other's. */
    private static void line(Overlay ov, ImagePlus imp, double[] m, int b, Color color, String name) {
        int z0 = (int) Math.max(0, Math.round(Math.min(m[b + 4], m[b + 8])));
        int z1 = (int) Math.min(imp.getNSlices() - 1, Math.round(Math.max(m[b + 4], m[b + 8])));
        for (int s = z0; s <= z1; s++) {
            Line l = new Line(m[b + 6] + 0.5, m[b + 5] + 0.5, m[b + 10] + 0.5, m[b + 9] + 0.5);
            l.setStrokeColor(color);
            l.setName(name);
            position(l, imp, s);
            ov.add(l);
        }
    }

    private static void circle(Overlay ov, ImagePlus imp, double z, double y, double x, double r, Color color, String name) {
        double radius = Math.max(r, 1);
        int z0 = (int) Math.max(0, Math.ceil(z - radius));
        int z1 = (int) Math.min(imp.getNSlices() - 1, Math.floor(z + radius));
        for (int s = z0; s <= z1; s++) {
            double dz = s - z;
            double rs = Math.max(0.5, Math.sqrt(Math.max(0, radius * radius - dz * dz)));
            Roi roi = new OvalRoi(x - rs + 0.5, y - rs + 0.5, 2 * rs, 2 * rs);
            roi.setStrokeColor(color);
            roi.setName(name);
            position(roi, imp, s);
            ov.add(roi);
        }
    }

    private static void position(Roi roi, ImagePlus imp, int slice) {
        if (imp.isHyperStack() || imp.getNChannels() > 1) {
            roi.setPosition(0, slice + 1, 0);
        } else {
            roi.setPosition(slice + 1);
        }
    }
}
