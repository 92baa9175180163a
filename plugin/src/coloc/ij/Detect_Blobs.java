package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Plugins › Coloc › Detect Blobs: 3D Laplacian-of-Gaussian detection (MagellanMapper's detect_blobs) on the current
 * frame, pixels read in place, calibration honoured; spot diameters and threshold tunable with a live preview of the
 * current slice. Results: the "Coloc Blobs" table (µm and voxel coordinates, radius, quality) and an overlay. Macro:
 * {@code run("Detect Blobs", "profile=[default] min_diameter=4 max_diameter=8 threshold=0.05 output=[blobs.csv]")}.
 */
public class Detect_Blobs implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Detect Blobs", "No image is open.");
            return;
        }
        try {
            Map<String, String> values = new ParamDialog("Detect Blobs", "detect", imp)
                    .warning(Calibrations.uncalibratedWarning(imp)).preview(new DetectPreview(imp)).show();
            if (values == null) {
                return;
            }
            double[] scored = DetectRunner.run(imp, ParamDialog.options(values), true);
            DetectRunner.fill(scored, imp.getCalibration());
            MatchRunner.Outcome o = new MatchRunner.Outcome();
            o.blobs = DetectRunner.canonical(scored);
            o.matches = new double[0];
            MatchOverlay.apply(o, imp);
            IJ.log("Detect Blobs: " + o.blobs.length / 7 + " blobs");
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
