import ij.IJ;
import ij.ImagePlus;
import ij.gui.PointRoi;
import ij.gui.Roi;

/**
 * What a user's clicks with ImageJ's multipoint tool do, for macros: ImageJ 1.53t's macro language can read a point's
 * stack position (Roi.getPointPosition) and counter only indirectly, and cannot set them. add() moves the current image
 * to channel c, slice z and adds a point with the given counter through PointRoi.addUserPoint, the call the tool makes
 * on a click (it records the image's current stack index as the point's position). counters() lists the counters of
 * the current point selection.
 */
public class Coloc_Point_Clicks {
    public static String add(String x, String y, String c, String z, String counter) {
        ImagePlus imp = IJ.getImage();
        imp.setPosition(Integer.parseInt(c), Integer.parseInt(z), 1);
        Roi roi = imp.getRoi();
        PointRoi p = roi instanceof PointRoi ? (PointRoi) roi : new PointRoi();
        p.setCounter(Integer.parseInt(counter));
        p.addUserPoint(imp, Double.parseDouble(x), Double.parseDouble(y));
        imp.setRoi(p);
        return "" + p.size();
    }

    public static String counters() {
        Roi roi = IJ.getImage().getRoi();
        if (!(roi instanceof PointRoi)) return "";
        PointRoi p = (PointRoi) roi;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < p.size(); i++) s.append(i == 0 ? "" : ",").append(p.getCounter(i));
        return s.toString();
    }
}
