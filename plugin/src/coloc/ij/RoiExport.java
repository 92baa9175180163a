package coloc.ij;

import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The blobs of a Coloc run as point ROIs for the ROI Manager, one per blob, at the blob's centre (x,y in pixels as
 * the blob file gives them) with its channel and slice as the ROI's hyperstack position (1-based). Matched blobs
 * come once per pair they belong to, named "Coloc 1,2 pair 7 C1" (pair 7 of the Coloc Matches table, channels
 * 1-based) in the pair's overlay colour; unmatched ones "Coloc C1 unmatched 12" (12 = the blob's index, as in the
 * Coloc Blobs table) in their channel's colour. ROI Manager › More › Save writes them as a RoiSet.zip that
 * {@code coloc blobs --in RoiSet.zip} reads back.
 */
final class RoiExport {
    /** Prefix of every ROI Coloc adds (and replaces on the next export). */
    static final String PREFIX = MatchOverlay.PREFIX;

    private RoiExport() {
    }

    /** The point ROIs of {@code o} on {@code imp}: matched blobs pair by pair, then unmatched blobs in file order. */
    static List<Roi> rois(MatchRunner.Outcome o, ImagePlus imp) {
        List<Roi> rois = new ArrayList<Roi>();
        double[] m = o.matches;
        int w = ColocNative.MATCH_COLUMNS;
        int nBlobs = o.blobs.length / 7;
        boolean[] matched = new boolean[nBlobs];
        List<String> pairs = MatchOverlay.pairs(o);
        for (int i = 0; i < o.matchCount(); i++) {
            int b = i * w;
            String pair = ((int) m[b] + 1) + "," + ((int) m[b + 1] + 1);
            java.awt.Color color = MatchOverlay.PAIR_COLORS[pairs.indexOf(pair) % MatchOverlay.PAIR_COLORS.length];
            for (int k = 0; k < 2; k++) {
                int ch = (int) m[b + k];
                int at = b + 4 + 4 * k;
                rois.add(point(imp, m[at], m[at + 1], m[at + 2], ch, color,
                        PREFIX + pair + " pair " + (i + 1) + " C" + (ch + 1)));
                int idx = (int) m[b + 2 + k];
                if (idx >= 0 && idx < nBlobs) {
                    matched[idx] = true;
                }
            }
        }
        for (int i = 0; i < nBlobs; i++) {
            if (!matched[i]) {
                int ch = (int) o.blobs[i * 7 + 6];
                rois.add(point(imp, o.blobs[i * 7], o.blobs[i * 7 + 1], o.blobs[i * 7 + 2], ch,
                        MatchOverlay.CHANNEL_COLORS[ch % MatchOverlay.CHANNEL_COLORS.length],
                        PREFIX + "C" + (ch + 1) + " unmatched " + i));
            }
        }
        return rois;
    }

    /**
     * Replaces the ROIs Coloc added to the ROI Manager before (named "Coloc ...") by those of {@code o}; the user's
     * own ROIs stay. Opens the ROI Manager if needed (hidden in batch mode).
     *
     * @return the number of ROIs added
     */
    static int toRoiManager(MatchRunner.Outcome o, ImagePlus imp) {
        RoiManager rm = RoiManager.getInstance();
        if (rm == null && ij.macro.Interpreter.isBatchMode()) {
            rm = ij.macro.Interpreter.getBatchModeRoiManager();
        }
        if (rm == null) {
            rm = RoiManager.getRoiManager();
        }
        List<Integer> old = new ArrayList<Integer>();
        for (int i = 0; i < rm.getCount(); i++) {
            String name = rm.getName(i);
            if (name != null && name.startsWith(PREFIX)) {
                old.add(i);
            }
        }
        if (!old.isEmpty()) {
            int[] idx = new int[old.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = old.get(i);
            }
            rm.setSelectedIndexes(idx);
            rm.runCommand("Delete");
        }
        List<Roi> rois = rois(o, imp);
        for (Roi r : rois) {
            rm.add(imp, r, -1);
        }
        return rois.size();
    }

    private static Roi point(ImagePlus imp, double z, double y, double x, int channel, java.awt.Color color, String name) {
        PointRoi p = new PointRoi(x, y);
        p.setStrokeColor(color);
        p.setName(name);
        int slice = (int) Math.max(1, Math.min(imp.getNSlices(), Math.round(z) + 1));
        if (imp.isHyperStack() || imp.getNChannels() > 1) {
            p.setPosition(channel + 1, slice, imp.getFrame());
        } else if (imp.getStackSize() > 1) {
            p.setPosition(slice);
        }
        return p;
    }
}
