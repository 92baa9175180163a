package coloc.ij;

import ij.ImagePlus;
import ij.ImageStack;
import java.nio.ByteBuffer;
import java.util.Locale;

/** Per-channel min/max/mean of the current frame, computed natively on the stack's own pixel arrays (no copy). */
final class StackStatistics {
    private StackStatistics() {
    }

    /** The planes of the current frame in order z*C + c: references to the stack's arrays, not copies. */
    static Object[] planes(ImagePlus imp) {
        int c = imp.getNChannels();
        int z = imp.getNSlices();
        int t = Math.max(1, imp.getFrame());
        ImageStack stack = imp.getStack();
        Object[] planes = new Object[c * z];
        for (int zi = 0; zi < z; zi++) {
            for (int ci = 0; ci < c; ci++) {
                planes[zi * c + ci] = stack.getPixels(imp.getStackIndex(ci + 1, zi + 1, t));
            }
        }
        return planes;
    }

    /** @return per channel min, max, mean, count, nanCount; then bytes copied by the JVM. */
    static double[] of(ImagePlus imp, boolean interactive) {
        ColocNative.load();
        final Object[] planes = planes(imp);
        final int[] shape = {imp.getNChannels(), imp.getNSlices(), imp.getHeight(), imp.getWidth()};
        return NativeCall.run(new NativeCall.Body<double[]>() {
            public double[] run(ByteBuffer control) {
                return ColocNative.channelStatistics(planes, shape, control);
            }
        }, interactive);
    }

    static String text(double[] s) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < (s.length - 1) / 5; c++) {
            sb.append(String.format(Locale.ROOT, "c%d: min=%s max=%s mean=%.6f count=%d%n", c + 1, num(s[c * 5]),
                    num(s[c * 5 + 1]), s[c * 5 + 2], (long) s[c * 5 + 3]));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
