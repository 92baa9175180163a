package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Plugins › Coloc › Detect Blobs: 3D Laplacian-of-Gaussian detection (MagellanMapper's detect_blobs) on the current
 * frame, pixels read in place, calibration honoured. Macro:
 * {@code run("Detect Blobs", "profile=[default] channels=[1,2] output=[blobs.csv]")}.
 */
public class Detect_Blobs implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Detect Blobs", "No image is open.");
            return;
        }
        try {
            Map<String, String> values = new ParamDialog("Detect Blobs", "detect", imp).warning(Calibrations.uncalibratedWarning(imp)).show();
            if (values == null) {
                return;
            }
            double[] blobs = DetectRunner.run(imp, ParamDialog.options(values), true);
            DetectRunner.fill(blobs);
            MatchRunner.Outcome o = new MatchRunner.Outcome();
            o.blobs = blobs;
            o.matches = new double[0];
            if (!GraphicsEnvironment.isHeadless()) {
                ij.measure.ResultsTable.getResultsTable().show("Results");
            }
            MatchOverlay.apply(o, imp);
            IJ.log("Detect Blobs: " + blobs.length / 7 + " blobs");
        } catch (CancellationException e) {
            IJ.showStatus("Coloc: cancelled");
            IJ.log("Detect Blobs: cancelled");
        } catch (RuntimeException e) {
            Errors.show("Detect Blobs", e.getMessage());
        } catch (LinkageError e) {
            Errors.engine("Detect Blobs", e);
        }
    }
}
