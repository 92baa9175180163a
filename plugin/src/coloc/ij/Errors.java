package coloc.ij;

import ij.IJ;
import ij.macro.Interpreter;

/**
 * Reports a command's failure. With an ImageJ window, as an error dialog. Without one (-batch, with or without a
 * virtual display) a modal dialog would wait forever, so the message goes to the log (stdout in -batch) as
 * "Title: message" and the running macro is aborted.
 */
final class Errors {
    private Errors() {
    }

    static void show(String title, String message) {
        if (IJ.getInstance() == null) {
            IJ.log(title + ": " + message);
            Interpreter.abort();
        } else {
            IJ.error(title, message);
        }
    }
}
