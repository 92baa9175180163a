package coloc.ij;

import ij.IJ;
import ij.ImagePlus;

/**
 * The live preview of Detect Blobs: detects on a slab of slices around the current one (the whole stack up to
 * {@link #SLAB} slices each side) on a worker thread, latest request wins, and shows the blobs reaching the current
 * slice as circles (overlay elements "Coloc preview"); the status bar gives their count.
 */
final class DetectPreview {
    /** Slices detected on each side of the current one (the LoG of the default profile reaches about 20 µm). */
    static final int SLAB = 16;

    private final ImagePlus imp;
    private String pending;
    private Thread worker;
    /** Incremented by every clear(): a preview started before it is not drawn. */
    private int generation;

    DetectPreview(ImagePlus imp) {
        this.imp = imp;
    }

    /** Asks for a preview with these options (the output key is ignored: a preview writes nothing). */
    synchronized void request(String options) {
        pending = options;
        if (worker == null || !worker.isAlive()) {
            worker = new Thread(new Runnable() {
                public void run() {
                    loop();
                }
            }, "Coloc preview");
            worker.start();
        }
    }

    /** Removes the preview circles (Preview unticked, or the dialog closed); a running preview finishes unseen. */
    synchronized void clear() {
        pending = null;
        generation++;
        MatchOverlay.preview(imp, null, 0, 0);
    }

    private void loop() {
        while (true) {
            String options;
            int gen;
            synchronized (this) {
                options = pending;
                gen = generation;
                pending = null;
                if (options == null) {
                    worker = null;
                    return;
                }
            }
            show(options, gen);
        }
    }

    private void show(String options, int gen) {
        int slice = imp.getZ() - 1;
        int z0 = Math.max(0, slice - SLAB);
        int z1 = Math.min(imp.getNSlices() - 1, slice + SLAB);
        int c = imp.getNChannels();
        Object[] all = StackStatistics.planes(imp);
        Object[] slab = new Object[(z1 - z0 + 1) * c];
        System.arraycopy(all, z0 * c, slab, 0, slab.length);
        try {
            double[] scored = DetectRunner.run(imp, slab, z1 - z0 + 1, options, false);
            int shown = 0;
            for (int i = 0; i < scored.length / ColocNative.SCORED_BLOB_COLUMNS; i++) {
                double z = scored[i * ColocNative.SCORED_BLOB_COLUMNS] + z0;
                shown += Math.abs(z - slice) < 0.5 ? 1 : 0;
            }
            synchronized (this) {
                if (pending == null && gen == generation) {
                    MatchOverlay.preview(imp, scored, z0, slice);
                }
            }
            IJ.showStatus("Coloc preview: " + shown + " blobs centred on slice " + (slice + 1));
        } catch (RuntimeException e) {
            IJ.showStatus("Coloc preview: " + e.getMessage());
        }
    }
}
