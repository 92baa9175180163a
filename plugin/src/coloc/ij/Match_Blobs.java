package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Plugins › Coloc › Match Blobs: match colocalization of a blob CSV on the current stack (shape from the image,
 * resolution from its calibration). Macro: {@code run("Match Blobs", "blobs=[path] mode=exact|magmap
 * profile=[default,lightsheet] tolerance=[z,y,x] unit=micron|pixel channels=[1,2] output=[dir] database=[file]")}.
 */
public class Match_Blobs implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Match Blobs", "Open the stack the blobs belong to first (its shape and calibration are used).");
            return;
        }
        try {
            Map<String, String> values = new ParamDialog("Match Blobs", "match", imp).warning(Calibrations.uncalibratedWarning(imp)).show();
            if (values == null) {
                return;
            }
            if (values.get("experiment").length() == 0 && values.get("database").length() > 0) {
                values.put("experiment", MatchRunner.experimentOf(imp));
            }
            MatchRunner.Outcome o = MatchRunner.run(imp, ParamDialog.options(values), true);
            MatchRunner.publish(o, imp, true);
            if (values.get("output").length() > 0) {
                IJ.log("Match Blobs: tables written to " + values.get("output") + " (file names keep MagellanMapper's"
                        + " 0-based channels: matches_c0_c1.csv holds channels 1 and 2)");
            }
            IJ.showStatus("Coloc: " + o.matchCount() + " matches");
        } catch (CancellationException e) {
            IJ.showStatus("Coloc: cancelled");
            IJ.log("Match Blobs: cancelled");
        } catch (RuntimeException e) {
            Errors.show("Match Blobs", e.getMessage());
        } catch (LinkageError e) {
            Errors.engine("Match Blobs", e);
        }
    }
}
