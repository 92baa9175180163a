package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Plugins › Coloc › Intensity Colocalize: MagellanMapper's intensity method on the current frame (is each blob's
 * radius-2 neighbourhood bright in each channel?), pixels read in place; without a blob file the blobs are detected
 * first. Results: the "Coloc Intensity" flags table, the "Coloc Intensity Summary" table (% of each channel's blobs
 * positive for each other channel), the same lines in the Log, and an overlay. Macro:
 * {@code run("Intensity Colocalize", "blobs=[path] threshold=min output=[file.csv]")}.
 */
public class Intensity_Colocalize implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Intensity Colocalize", "Open the multichannel stack the blobs belong to first.");
            return;
        }
        try {
            Map<String, String> values = new ParamDialog("Intensity Colocalize", "intensity", imp).show();
            if (values == null) {
                return;
            }
            double[][] blobs = new double[1][];
            double[] r = IntensityRunner.run(imp, ParamDialog.options(values), true, blobs);
            int n = blobs[0].length / 7;
            IntensityRunner.fill(r, blobs[0], imp.getNChannels());
            IntensityRunner.summary(r, n, imp.getNChannels());
            MatchOverlay.applyIntensity(imp, blobs[0], r, imp.getNChannels());
            for (String line : IntensityRunner.text(r, n, imp.getNChannels()).split("\n")) {
                IJ.log("Intensity Colocalize: " + line);
            }
        } catch (CancellationException e) {
            IJ.showStatus("Coloc: cancelled");
            IJ.log("Intensity Colocalize: cancelled");
        } catch (RuntimeException e) {
            Errors.show("Intensity Colocalize", e.getMessage());
        } catch (LinkageError e) {
            Errors.engine("Intensity Colocalize", e);
        }
    }
}
