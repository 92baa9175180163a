package coloc.fijitest;

import coloc.ij.ColocNative;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;

/**
 * The control block's cancel flag (what Esc sets in the plugin) stops native work with a CancellationException, and
 * progress reaches 1 on a completed call. Prints "match=cancelled stats=cancelled progress=1.0".
 */
public final class CancelCheck {
    private CancelCheck() {
    }

    public static void main(String[] args) {
        ColocNative.load();
        double[] blobs = ColocNative.readBlobs(args[0]);
        ByteBuffer cancelled = ColocNative.newControl();
        cancelled.put(0, (byte) 1);
        String match = "finished";
        try {
            ColocNative.matchBlobs(blobs, new int[] {60, 1100, 1100}, new double[] {1, 1, 1}, "mode=magmap", cancelled, null);
        } catch (CancellationException e) {
            match = "cancelled";
        }
        String stats = "finished";
        Object[] planes = {new byte[16], new byte[16], new byte[16], new byte[16]};
        try {
            ColocNative.channelStatistics(planes, new int[] {2, 2, 4, 4}, cancelled);
        } catch (CancellationException e) {
            stats = "cancelled";
        }
        ByteBuffer ok = ColocNative.newControl();
        ColocNative.channelStatistics(planes, new int[] {2, 2, 4, 4}, ok);
        System.out.println("match=" + match + " stats=" + stats + " progress=" + ok.getDouble(8));
    }
}
