package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import java.awt.Color;

/**
 * The overlay of a match run: every matched pair's two blobs in the pair's BlobMatch colour (Coloc.Core MatchColors,
 * by row within the pair), every blob matched in no pair in its channel's colour (ImageJ's composite order: red,
 * green, blue, grey, cyan, magenta, yellow). A blob is drawn as its circular cross-section on each slice it occupies.
 */
final class MatchOverlay {
    static final Color[] CHANNEL_COLORS = {Color.red, Color.green, Color.blue, Color.gray, Color.cyan, Color.magenta,
        Color.yellow};

    /** More ROIs than this are not drawn (the tables and files still hold everything). */
    static final int MAX_ROIS = 200000;

    private MatchOverlay() {
    }

    static Overlay build(MatchRunner.Outcome o, ImagePlus imp) {
        Overlay ov = new Overlay();
        int w = ColocNative.MATCH_COLUMNS;
        int nBlobs = o.blobs.length / 7;
        boolean[] matched = new boolean[nBlobs];
        double[] m = o.matches;
        for (int i = 0; i < o.matchCount() && ov.size() < MAX_ROIS; i++) {
            int b = i * w;
            Color c = new Color((int) (long) m[b + 13], true);
            add(ov, imp, m[b + 4], m[b + 5], m[b + 6], m[b + 7], c, "match " + i);
            add(ov, imp, m[b + 8], m[b + 9], m[b + 10], m[b + 11], c, "match " + i);
            for (int k = 2; k <= 3; k++) {
                int idx = (int) m[b + k];
                if (idx >= 0 && idx < nBlobs) {
                    matched[idx] = true;
                }
            }
        }
        for (int i = 0; i < nBlobs && ov.size() < MAX_ROIS; i++) {
            if (!matched[i]) {
                double[] bl = o.blobs;
                int ch = (int) bl[i * 7 + 6];
                add(ov, imp, bl[i * 7], bl[i * 7 + 1], bl[i * 7 + 2], bl[i * 7 + 3],
                        CHANNEL_COLORS[ch % CHANNEL_COLORS.length], "c" + (ch + 1) + " unmatched");
            }
        }
        if (ov.size() >= MAX_ROIS) {
            IJ.log("Coloc: overlay limited to " + MAX_ROIS + " ROIs");
        }
        return ov;
    }

    private static void add(Overlay ov, ImagePlus imp, double z, double y, double x, double r, Color color, String name) {
        double radius = Math.max(r, 1);
        int z0 = (int) Math.max(0, Math.ceil(z - radius));
        int z1 = (int) Math.min(imp.getNSlices() - 1, Math.floor(z + radius));
        boolean hyper = imp.isHyperStack() || imp.getNChannels() > 1;
        for (int s = z0; s <= z1; s++) {
            double dz = s - z;
            double rs = Math.max(0.5, Math.sqrt(Math.max(0, radius * radius - dz * dz)));
            Roi roi = new OvalRoi(x - rs + 0.5, y - rs + 0.5, 2 * rs, 2 * rs);
            roi.setStrokeColor(color);
            roi.setName(name);
            if (hyper) {
                roi.setPosition(0, s + 1, 0);
            } else {
                roi.setPosition(s + 1);
            }
            ov.add(roi);
        }
    }
}
