package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;

/**
 * Plugins › Coloc › Blobs to ROI Manager: puts the matched and unmatched blobs of the current image's last Match Blobs
 * or Open Coloc Database run into the ROI Manager as point ROIs with their channel and slice (see {@link RoiExport}).
 * Macro: {@code run("Blobs to ROI Manager");} after {@code run("Match Blobs", ...)}.
 */
public class Blobs_To_Roi_Manager implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Blobs to ROI Manager", "No image is open.");
            return;
        }
        MatchRunner.Outcome o = MatchRunner.last(imp);
        if (o == null) {
            Errors.show("Blobs to ROI Manager", "Run Match Blobs (or Open Coloc Database) on " + imp.getTitle() + " first.");
            return;
        }
        int n = RoiExport.toRoiManager(o, imp);
        IJ.log("Blobs to ROI Manager: " + n + " point ROIs (" + 2 * o.matchCount() + " in " + o.matchCount()
                + " matched pairs, " + (n - 2 * o.matchCount()) + " unmatched)");
    }
}
