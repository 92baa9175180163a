package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Plugins › Coloc › Intensity Colocalize: MagellanMapper's intensity method on the current frame (is each blob's
 * radius-2 neighbourhood bright in each channel?), pixels read in place. Macro:
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
            IntensityRunner.fill(r, blobs[0], imp.getNChannels());
            if (!GraphicsEnvironment.isHeadless()) {
                ij.measure.ResultsTable.getResultsTable().show("Results");
            }
            IJ.log(IntensityRunner.thresholds(r, blobs[0].length / 7, imp.getNChannels()).trim());
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
