package coloc.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.Map;

/**
 * Plugins › Coloc › Open Coloc Database: MagellanMapper's select_matches for the current image (or its rectangle
 * selection, all slices), shown as a Results table and an overlay of the pairs. Macro:
 * {@code run("Open Coloc Database", "database=[file] channels=[1,2]")}.
 */
public class Open_Coloc_Database implements PlugIn {
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            Errors.show("Open Coloc Database", "Open the image whose matches are stored first.");
            return;
        }
        try {
            Map<String, String> values = new ParamDialog("Open Coloc Database", "database", imp).show();
            if (values == null) {
                return;
            }
            if (values.get("channels").length() == 0) {
                StringBuilder all = new StringBuilder();
                for (int c = 1; c <= imp.getNChannels(); c++) {
                    all.append(c == 1 ? "" : ",").append(c);
                }
                values.put("channels", all.toString());
            }
            int[] offset = null;
            int[] shape = null;
            Roi roi = imp.getRoi();
            if (roi != null && roi.getType() == Roi.RECTANGLE) {
                Rectangle b = roi.getBounds();
                offset = new int[] {0, b.y, b.x};
                shape = new int[] {imp.getNSlices(), b.height, b.width};
            }
            ColocNative.load();
            MatchRunner.Outcome o = new MatchRunner.Outcome();
            o.blobs = new double[0];
            o.matches = ColocNative.selectMatches(ParamDialog.options(values), offset, shape);
            o.resolutionUm = Calibrations.resolutionUm(imp.getCalibration());
            ij.measure.ResultsTable rt = MatchRunner.fillResults(o, imp.getCalibration(), true);
            MatchRunner.remember(imp, o);
            if (!GraphicsEnvironment.isHeadless()) {
                rt.show(MatchRunner.MATCH_TABLE);
                MatchOverlay.apply(o, imp);
            }
            IJ.log("Open Coloc Database: " + o.matchCount() + " matches" + (offset == null ? "" : " in the selection"));
        } catch (RuntimeException e) {
            Errors.show("Open Coloc Database", e.getMessage());
        } catch (LinkageError e) {
            Errors.engine("Open Coloc Database", e);
        }
    }
}
