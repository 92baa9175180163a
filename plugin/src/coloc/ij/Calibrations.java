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
     * Voxel size z,y,x in micrometres. Units micron/um/µm/micrometer, nm, mm, cm, m and inch convert; an uncalibrated image
     * (unit pixel) counts as 1 µm per voxel, so µm tolerances then equal voxels.
     */
    static double[] resolutionUm(Calibration cal) {
        double f = micronsPer(cal.getUnit());
        return new double[] {cal.pixelDepth * f, cal.pixelHeight * f, cal.pixelWidth * f};
    }

    /** Every common spelling of µm: micron(s), µm (micro sign or Greek mu), um, micrometer(s), micrometre(s). */
    static boolean isMicron(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase();
        return u.equals("micron") || u.equals("microns") || u.equals("um") || u.equals("\u00b5m") || u.equals("\u03bcm")
                || u.equals("micrometer") || u.equals("micrometers") || u.equals("micrometre") || u.equals("micrometres");
    }

    /** True when the image has no spatial calibration (unit pixel or empty): 1 µm per pixel is then assumed. */
    static boolean uncalibrated(Calibration cal) {
        String u = cal.getUnit() == null ? "" : cal.getUnit().trim().toLowerCase();
        return !cal.scaled() || u.equals("") || u.equals("pixel") || u.equals("pixels");
    }

    /** The warning for an uncalibrated image, or null when it is calibrated. */
    static String uncalibratedWarning(ImagePlus imp) {
        if (!uncalibrated(imp.getCalibration())) {
            return null;
        }
        return "the image has no spatial calibration (Image > Properties...): Coloc assumes 1 \u00b5m per pixel on x, y"
                + " and z, so tolerances in micron are taken as pixels";
    }

    /**
     * Refuses channels (1-based, "1,3") the image does not have, with one line.
     *
     * @throws IllegalArgumentException naming the first missing channel
     */
    static void checkChannels(String channels, int imageChannels) {
        if (channels == null || channels.trim().length() == 0) {
            return;
        }
        for (String part : channels.split(",")) {
            String t = part.trim();
            int c;
            try {
                c = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                continue; // the engine names malformed values
            }
            if (c < 1 || c > imageChannels) {
                throw new IllegalArgumentException("channels: the image has " + imageChannels + " channel(s), no channel "
                        + t + " (channels are 1-based)");
            }
        }
    }

    static double micronsPer(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase();
        if (u.equals("") || u.equals("pixel") || u.equals("pixels") || isMicron(u)) {
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
