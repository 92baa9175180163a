package coloc.ij;

import java.awt.Color;

/** Prints "min-distance=D": the smallest RGB distance between a pair colour and a channel colour of MatchOverlay. */
public final class OverlayColorProbe {
    private OverlayColorProbe() {
    }

    public static void main(String[] args) {
        double min = Double.MAX_VALUE;
        for (Color p : MatchOverlay.PAIR_COLORS) {
            for (Color c : MatchOverlay.CHANNEL_COLORS) {
                double dr = p.getRed() - c.getRed();
                double dg = p.getGreen() - c.getGreen();
                double db = p.getBlue() - c.getBlue();
                min = Math.min(min, Math.sqrt(dr * dr + dg * dg + db * db));
            }
        }
        System.out.println("min-distance=" + min);
    }
}
