package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Plugins › Coloc › Coloc Regions: blobs and matches of the current stack counted per region, with the expected
 * count under the null model, enrichment, p- and q-values (as {@code coloc regions}); regions from an open labels
 * image or the ROI Manager ({@link RoiLabels}). Results: the "Coloc Regions" table (regions.csv's columns), the
 * enrichment and L(r) plots ({@link RegionPlots}). Macro: {@code run("Coloc Regions", "labels=[atlas] blobs=[path]
 * matches=[dir] mode=exact tolerance=[z,y,x] unit=micron permutations=199 seed=1 output=[dir]")}.
 */
public class Coloc_Regions implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Coloc Regions", "Open the stack the blobs belong to first (its shape and calibration are used).");
            return;
        }
        try {
            Map<String, String> values = new ParamDialog("Coloc Regions", "regions", imp)
                    .choices("labels", labelChoices(imp)).warning(Calibrations.uncalibratedWarning(imp)).show();
            if (values == null) {
                return;
            }
            RegionsRunner.Outcome o = RegionsRunner.run(imp, ParamDialog.options(values), true);
            RegionsRunner.publish(o, imp);
            IJ.showStatus("Coloc: " + o.report);
        } catch (CancellationException e) {
            IJ.showStatus("Coloc: cancelled");
            IJ.log("Coloc Regions: cancelled");
        } catch (RuntimeException e) {
            Errors.show("Coloc Regions", e.getMessage());
        } catch (LinkageError e) {
            Errors.engine("Coloc Regions", e);
        }
    }

    /** "ROI Manager", then the titles of the open images other than {@code imp}, then {@code imp}'s. */
    private static String[] labelChoices(ImagePlus imp) {
        List<String> r = new ArrayList<String>();
        r.add(RoiLabels.NAME);
        int[] ids = WindowManager.getIDList();
        for (int i = 0; ids != null && i < ids.length; i++) {
            ImagePlus other = WindowManager.getImage(ids[i]);
            if (other != null && other != imp) {
                r.add(other.getTitle());
            }
        }
        r.add(imp.getTitle());
        return r.toArray(new String[0]);
    }
}
