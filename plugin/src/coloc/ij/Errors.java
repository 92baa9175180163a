package coloc.ij;

import ij.IJ;
import ij.macro.Interpreter;

/**
 * Reports a command's failure. With an ImageJ window, as an error dialog. Without one (-batch, with or without a
 * virtual display) a modal dialog would wait forever, so the message goes to the log (stdout in -batch) as
 * "Title: message"; then, when ImageJ was started with {@code -batch}, ImageJ ends with exit code
 * {@link #EXIT_FAILED} so that shell scripts see the failure (otherwise the running macro is aborted).
 */
final class Errors {
    /** The exit code of {@code ImageJ -batch} when a Coloc command fails (bad input, engine not loadable). */
    static final int EXIT_FAILED = 2;

    private Errors() {
    }

    static void show(String title, String message) {
        if (IJ.getInstance() == null) {
            IJ.log(title + ": " + message);
            if (startedWithBatch()) {
                System.out.flush();
                System.exit(EXIT_FAILED);
            }
            Interpreter.abort();
        } else {
            IJ.error(title, message);
        }
    }

    /** The same clean message from every command when the native engine cannot be loaded. */
    static void engine(String title, Throwable e) {
        show(title, "cannot load Coloc's native engine: " + e.getMessage());
    }

    /** True when this JVM runs ImageJ's {@code -batch} (ImageJ keeps that flag private; its command line shows it). */
    static boolean startedWithBatch() {
        String cmd = System.getProperty("sun.java.command", "");
        for (String part : cmd.split(" ")) {
            if (part.equals("-batch")) {
                return true;
            }
        }
        return false;
    }
}
