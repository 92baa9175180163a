package coloc.ij;

import ij.IJ;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;

/**
 * Runs one native call on a worker Java thread while the caller shows its progress (progress bar) and turns Esc into
 * the cancel flag of the control block. The native side never calls Java; it only reads and writes the block.
 */
final class NativeCall {
    private NativeCall() {
    }

    interface Body<T> {
        T run(ByteBuffer control);
    }

    static <T> T run(final Body<T> body, boolean interactive) {
        final ByteBuffer control = ColocNative.newControl();
        final Object[] result = new Object[1];
        final Throwable[] error = new Throwable[1];
        Thread t = new Thread(new Runnable() {
            public void run() {
                try {
                    result[0] = body.run(control);
                } catch (Throwable e) {
                    error[0] = e;
                }
            }
        }, "Coloc native call");
        t.start();
        boolean cancelled = false;
        while (true) {
            try {
                t.join(100);
            } catch (InterruptedException e) {
                control.put(0, (byte) 1);
                cancelled = true;
            }
            if (!t.isAlive()) {
                break;
            }
            if (interactive) {
                IJ.showProgress(control.getDouble(8));
                if (!cancelled && IJ.escapePressed()) {
                    control.put(0, (byte) 1);
                    cancelled = true;
                    IJ.showStatus("Coloc: cancelling...");
                }
            }
        }
        if (interactive) {
            IJ.showProgress(1.0);
        }
        if (error[0] instanceof RuntimeException) {
            throw (RuntimeException) error[0];
        }
        if (error[0] instanceof Error) {
            throw (Error) error[0];
        }
        if (cancelled && result[0] == null) {
            throw new CancellationException("cancelled");
        }
        @SuppressWarnings("unchecked")
        T r = (T) result[0];
        return r;
    }
}
