package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.util.concurrent.CancellationException;

/**
 * Plugins › Coloc › Channel Statistics: min, max and mean of every channel of the current frame (the values the
 * intensity method's threshold=min uses), computed by the native engine directly on ImageJ's pixel arrays.
 */
public class Channel_Statistics implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Channel Statistics", "No image is open.");
            return;
        }
        try {
            Version.logOnce();
            double[] s = StackStatistics.of(imp, true);
            ResultsTable rt = new ResultsTable();
            for (int c = 0; c < (s.length - 1) / 5; c++) {
                rt.incrementCounter();
                rt.addValue("Channel", c + 1);
                rt.addValue("Min", s[c * 5]);
                rt.addValue("Max", s[c * 5 + 1]);
                rt.addValue("Mean", s[c * 5 + 2]);
                rt.addValue("Count", s[c * 5 + 3]);
            }
            rt.show("Coloc Channel Statistics");
        } catch (CancellationException e) {
            IJ.showStatus("Coloc: cancelled");
        } catch (RuntimeException e) {
            Errors.show("Channel Statistics", e.getMessage());
        } catch (LinkageError e) {
            Errors.engine("Channel Statistics", e);
        }
    }
}
