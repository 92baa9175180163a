package coloc.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import ij.process.ShortProcessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ROI Manager's ROIs as a labels image at the image's resolution (16-bit, one id per voxel, 0 = outside every
 * ROI). Rules: every ROI must be an area; ROIs are grouped by name, one region per distinct name, ids 1, 2, ... in
 * the order of first appearance (ImageJ's default names are unique, so each ROI is then its own region; give ROIs on
 * several slices the same name to make one 3D region); a ROI with a slice position covers that slice only, a ROI
 * without one (position 0) covers every slice; where ROIs overlap the later one wins.
 */
final class RoiLabels {
    /** The labels' name in messages and summary.json. */
    static final String NAME = "ROI Manager";

    /** The rasterised labels (title "ROI labels"). */
    final ImagePlus labels;

    /** Region names by id: names.get(id - 1). */
    final List<String> names;

    private RoiLabels(ImagePlus labels, List<String> names) {
        this.labels = labels;
        this.names = names;
    }

    /**
     * Rasterises the ROI Manager's ROIs on the grid of {@code imp} (its width, height and slices).
     *
     * @throws IllegalArgumentException no ROI Manager or no ROI, a ROI that is not an area, a slice the image lacks,
     *         more than 65535 names
     */
    static RoiLabels of(RoiManager rm, ImagePlus imp) {
        if (rm == null || rm.getCount() == 0) {
            throw new IllegalArgumentException("labels: the ROI Manager has no ROIs (add area ROIs, or choose an open labels image)");
        }
        int w = imp.getWidth();
        int h = imp.getHeight();
        int d = imp.getNSlices();
        ImageStack stack = new ImageStack(w, h);
        for (int z = 0; z < d; z++) {
            stack.addSlice(new ShortProcessor(w, h));
        }
        Map<String, Integer> ids = new LinkedHashMap<String, Integer>();
        Roi[] rois = rm.getRoisAsArray();
        for (int i = 0; i < rois.length; i++) {
            Roi roi = rois[i];
            String name = rm.getName(i) == null ? "ROI " + (i + 1) : rm.getName(i);
            if (!roi.isArea()) {
                throw new IllegalArgumentException("labels: ROI '" + name + "' (ROI Manager row " + (i + 1) + ") is a "
                        + roi.getTypeAsString() + "; regions need area ROIs");
            }
            Integer id = ids.get(name);
            if (id == null) {
                if (ids.size() == 65535) {
                    throw new IllegalArgumentException("labels: more than 65535 ROI names; use a labels image instead");
                }
                id = ids.size() + 1;
                ids.put(name, id);
            }
            int z = slice(roi, imp);
            if (z > d) {
                throw new IllegalArgumentException("labels: ROI '" + name + "' is on slice " + z + ", the image has " + d + " slice(s)");
            }
            for (int s = z == 0 ? 1 : z; s <= (z == 0 ? d : z); s++) {
                ShortProcessor ip = (ShortProcessor) stack.getProcessor(s);
                ip.setValue(id);
                ip.fill(roi);
            }
        }
        return new RoiLabels(new ImagePlus("ROI labels", stack), new ArrayList<String>(ids.keySet()));
    }

    /** The 1-based slice (z) a ROI is on, or 0 when it has no position (every slice). */
    static int slice(Roi roi, ImagePlus imp) {
        if (roi.hasHyperStackPosition()) {
            return roi.getZPosition();
        }
        int p = roi.getPosition();
        if (p <= 0) {
            return 0;
        }
        return imp.isHyperStack() || imp.getNChannels() > 1 || imp.getNFrames() > 1 ? imp.convertIndexToPosition(p)[1] : p;
    }
}
