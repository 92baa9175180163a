package coloc.ij;

import ij.ImagePlus;
import ij.measure.Calibration;

/** Image geometry for the engine: shape z,y,x and the voxel size in micrometres from ImageJ's calibration. */
final class Calibrations {
    private Calibrations() {
    }

    /** Shape z,y,x in voxels of one channel and frame. */
    static int[] shapeZyx(ImagePlus imp) {
        return new int[] {imp.getNSlices(), imp.getHeight(), imp.getWidth()};
    }

    /**
     * Voxel size z,y,x in micrometres. Units micron/um/µm, nm, mm, cm, m and inch convert; an uncalibrated image
     * (unit pixel) counts as 1 µm per voxel, so µm tolerances then equal voxels.
     */
    static double[] resolutionUm(Calibration cal) {
        double f = micronsPer(cal.getUnit());
        return new double[] {cal.pixelDepth * f, cal.pixelHeight * f, cal.pixelWidth * f};
    }

    static double micronsPer(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase();
        if (u.equals("") || u.equals("pixel") || u.equals("pixels") || u.equals("micron") || u.equals("microns")
                || u.equals("um") || u.equals("\u00b5m") || u.equals("\u03bcm")) {
            return 1;
        }
        if (u.equals("nm") || u.equals("nanometer") || u.equals("nanometers")) {
            return 1e-3;
        }
        if (u.equals("mm")) {
            return 1e3;
        }
        if (u.equals("cm")) {
            return 1e4;
        }
        if (u.equals("m") || u.equals("meter") || u.equals("meters")) {
            return 1e6;
        }
        if (u.equals("inch") || u.equals("inches")) {
            return 25400;
        }
        throw new IllegalArgumentException("image calibration unit '" + unit + "' is not a length unit Coloc knows");
    }
}
