package coloc.fijitest;

import coloc.ij.ColocNative;
import ij.ImagePlus;
import ij.ImageStack;
import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;

/**
 * Zero-copy check: builds an ImageJ stack of 1 GiB (1024 planes of 1024x1024 8-bit, 2 channels x 512 slices), fills
 * it with a known pattern, then has the native engine compute per-channel statistics over every pixel in place.
 * Prints the JVM-reported copied bytes (from GetPrimitiveArrayCritical's isCopy), the process RSS before/after and
 * the peak RSS (VmHWM) from /proc/self/status, and whether the statistics equal the pattern's known values.
 */
public final class BigStack {
    private BigStack() {
    }

    static long status(String key) throws IOException {
        BufferedReader r = new BufferedReader(new FileReader("/proc/self/status"));
        try {
            for (String line; (line = r.readLine()) != null;) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } finally {
            r.close();
        }
        return -1;
    }

    public static void main(String[] args) throws IOException {
        int w = 1024;
        int h = 1024;
        int channels = 2;
        int slices = 512;
        ColocNative.load();
        ColocNative.abiVersion();
        ImageStack stack = new ImageStack(w, h);
        long bytes = 0;
        for (int i = 0; i < channels * slices; i++) {
            byte[] p = new byte[w * h];
            int c = i % channels;
            // channel 0: value (x + plane) mod 256 ; channel 1: constant 7, except one 255 per plane
            for (int k = 0; k < p.length; k++) {
                p[k] = (byte) (c == 0 ? (k % w + i / channels) & 0xff : 7);
            }
            if (c == 1) {
                p[i % p.length] = (byte) 255;
            }
            stack.addSlice(null, p);
            bytes += p.length;
        }
        ImagePlus imp = new ImagePlus("big", stack);
        imp.setDimensions(channels, slices, 1);
        Object[] planes = new Object[channels * slices];
        for (int z = 0; z < slices; z++) {
            for (int c = 0; c < channels; c++) {
                planes[z * channels + c] = stack.getPixels(imp.getStackIndex(c + 1, z + 1, 1));
            }
        }
        System.gc();
        long rssBefore = status("VmRSS");
        long t0 = System.nanoTime();
        double[] s = ColocNative.channelStatistics(planes, new int[] {channels, slices, h, w}, ColocNative.newControl());
        long ms = (System.nanoTime() - t0) / 1000000;
        long rssAfter = status("VmRSS");
        long hwm = status("VmHWM");
        long n = (long) w * h * slices;
        // channel 0: every x row is 0..1023 shifted by z, mod 256 -> each value 0..255 equally often: mean 127.5
        boolean ok0 = s[0] == 0 && s[1] == 255 && s[2] == 127.5 && s[3] == n;
        double mean1 = (7.0 * (n - slices) + 255.0 * slices) / n;
        boolean ok1 = s[5] == 7 && s[6] == 255 && Math.abs(s[7] - mean1) < 1e-9 && s[8] == n;
        System.out.println("stack_bytes=" + bytes + " copied_bytes=" + (long) s[s.length - 1] + " rss_before=" + rssBefore
                + " rss_after=" + rssAfter + " rss_delta=" + (rssAfter - rssBefore) + " vm_hwm=" + hwm + " ms=" + ms
                + " stats=" + (ok0 && ok1 ? "OK" : "WRONG " + java.util.Arrays.toString(s)));
    }
}
