package coloc.fijitest;

import ij.IJ;
import ij.ImageJ;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.frame.Recorder;
import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Drives a Coloc dialog in ImageJ's GUI (under Xvfb) as a user would, with the macro Recorder on, then replays what
 * the Recorder wrote. Usage:
 * {@code DialogDriver OUT_DIR SETUP.ijm COMMAND TABLES [key=value ...]} where TABLES is a comma-separated list of table
 * titles. Steps: runs SETUP.ijm, opens the Recorder, starts COMMAND from the menu (IJ.doCommand, as a click does),
 * waits for its dialog, sets each field whose label's first word is {@code key} (text fields and choices take the
 * value; checkboxes: true/false), saves a screenshot of the dialog to OUT_DIR/dialog.png, presses OK, waits for the
 * recorded line, saves each table to OUT_DIR/recorded-TITLE.csv and a screenshot of its window (that window only) to
 * OUT_DIR/table-TITLE.png, closes them, runs the recorded macro text, saves the tables again to
 * OUT_DIR/replayed-TITLE.csv and writes the recorded text to OUT_DIR/recorded.ijm. Prints "recorded: ..." and
 * "driver=done"; exits 0, or 1 with a reason. The table "Log" is the Log window's text (cleared before the command
 * and before the replay). Properties: {@code coloc.noDialog=true} for a command without a dialog (no field is set,
 * no dialog.png); {@code coloc.window=TITLE} captures that window (e.g. an HTML window the
 * command opens) to OUT_DIR/window.png.
 */
public final class DialogDriver {
    private DialogDriver() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        String setup = args[1];
        String command = args[2];
        String[] tables = args[3].length() == 0 ? new String[0] : args[3].split(",");
        new ImageJ();
        IJ.runMacroFile(setup);
        IJ.run("Record...");
        IJ.log("\\Clear");
        IJ.doCommand(command);
        if (Boolean.getBoolean("coloc.noDialog")) {
            finish(command, tables, out);
            return;
        }
        final GenericDialog gd = waitForDialog(60000);
        if (gd == null) {
            fail("no dialog appeared for " + command);
        }
        for (int i = 4; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            set(gd, args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Thread.sleep(800);
        long previewWait = Long.getLong("coloc.previewWait", 0);
        if (previewWait > 0) {
            Thread.sleep(previewWait);
            ij.gui.Overlay ov = IJ.getImage().getOverlay();
            int n = 0;
            for (int i = 0; ov != null && i < ov.size(); i++) {
                n += "Coloc preview".equals(ov.get(i).getName()) ? 1 : 0;
            }
            System.out.println("preview=" + n);
            System.out.println("status: " + ImageJ.getStatusBarText());
            ImageIO.write(painted(IJ.getImage().getWindow().getBounds()), "png", new File(out, "preview.png"));
        }
        // A window the setup opened (an image, a table) may have come up over the dialog: bring the dialog forward.
        EventQueue.invokeAndWait(new Runnable() {
            public void run() {
                gd.toFront();
                gd.repaint();
            }
        });
        Rectangle r = gd.getBounds();
        ImageIO.write(painted(r), "png", new File(out, "dialog.png"));
        if (Boolean.getBoolean("coloc.help")) {
            showHelp(gd, out);
        }
        final Button ok = button(gd, "OK");
        EventQueue.invokeAndWait(new Runnable() {
            public void run() {
                gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, "OK"));
            }
        });
        finish(command, tables, out);
    }

    /** Waits for the recorded line, saves and captures the tables (and overlay, window), replays, saves again; exits. */
    private static void finish(String command, String[] tables, File out) throws Exception {
        String recorded = waitForRecording(command, Long.getLong("coloc.wait", 120000));
        if (recorded == null) {
            fail("the Recorder wrote no run(\"" + command + "\") line; it holds: " + Recorder.getInstance().getText());
        }
        waitForCommandThread(command, Long.getLong("coloc.wait", 120000));
        Thread.sleep(1000);
        save(tables, out, "recorded-");
        captureWindows(System.getProperty("coloc.windows", ""), out);
        for (String t : tables) {
            if (!t.equals("Log")) {
                capture(t, new File(out, "table-" + t + ".png"));
            }
        }
        String window = System.getProperty("coloc.window", "");
        if (window.length() > 0) {
            capture(window, new File(out, "window.png"));
        }
        for (String t : tables) {
            if (t.equals("Log")) {
                IJ.log("\\Clear");
            } else {
                IJ.selectWindow(t);
                IJ.run("Close");
            }
        }
        Files.write(new File(out, "recorded.ijm").toPath(), recorded.getBytes(StandardCharsets.UTF_8));
        System.out.println("recorded: " + recorded.trim());
        IJ.runMacro(recorded);
        save(tables, out, "replayed-");
        System.out.println("driver=done");
        System.out.flush();
        System.exit(0);
    }

    /**
     * A screenshot of {@code r} once it is painted and settled: under load a window can still be a blank rectangle, or
     * only its frame, for a while after it shows, so captures are taken again (every 200 ms, up to 15 s) until one has
     * content (at least 0.5 % of its pixels differ from the top-left one) and equals the capture before it up to 0.2 % of
     * its pixels (a blinking text caret).
     */
    private static java.awt.image.BufferedImage painted(Rectangle r) throws Exception {
        Robot robot = new Robot();
        java.awt.image.BufferedImage img = robot.createScreenCapture(r);
        for (int t = 0; t < 75; t++) {
            Thread.sleep(200);
            java.awt.image.BufferedImage next = robot.createScreenCapture(r);
            boolean settled = hasContent(next) && same(img, next);
            img = next;
            if (settled) {
                break;
            }
        }
        return img;
    }

    private static boolean hasContent(java.awt.image.BufferedImage img) {
        int first = img.getRGB(0, 0);
        long differ = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                differ += img.getRGB(x, y) != first ? 1 : 0;
            }
        }
        return differ * 200 >= (long) img.getWidth() * img.getHeight();
    }

    private static boolean same(java.awt.image.BufferedImage a, java.awt.image.BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        long differ = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                differ += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return differ * 500 < (long) a.getWidth() * a.getHeight();
    }

    /**
     * Waits for the thread ImageJ runs a menu command in (ij.Executer names it after the command) to end: the
     * Recorder writes the line when the dialog closes, before the command has filled its tables.
     */
    private static void waitForCommandThread(String command, long ms) throws InterruptedException {
        for (long t = 0; t < ms; t += 100) {
            boolean running = false;
            for (Thread th : Thread.getAllStackTraces().keySet()) {
                running |= th.isAlive() && command.equals(th.getName());
            }
            if (!running) {
                return;
            }
            Thread.sleep(100);
        }
        fail(command + " still running after " + ms + " ms");
    }

    /** Brings the window titled {@code title} to the front and saves a screenshot of that window alone. */
    private static void capture(String title, File png) throws Exception {
        Window found = null;
        for (long t = 0; t < 10000 && found == null; t += 100) {
            for (Window w : Window.getWindows()) {
                String wt = w instanceof java.awt.Frame ? ((java.awt.Frame) w).getTitle()
                        : w instanceof java.awt.Dialog ? ((java.awt.Dialog) w).getTitle() : null;
                if (w.isShowing() && title.equals(wt)) {
                    found = w;
                }
            }
            if (found == null) {
                Thread.sleep(100);
            }
        }
        if (found == null) {
            fail("no window titled " + title);
        }
        final Window w = found;
        ResultsTable rt = ResultsTable.getResultsTable(title);
        // A table window as wide as its columns need (about 80 pixels each), at most the screen's width.
        final int width = rt == null ? w.getWidth() : Math.min(1270, Math.max(w.getWidth(), 80 * (rt.getLastColumn() + 2)));
        EventQueue.invokeAndWait(new Runnable() {
            public void run() {
                w.setBounds(0, Math.max(0, w.getY()), width, w.getHeight());
                w.validate();
                w.repaint();
                w.toFront();
            }
        });
        Thread.sleep(1500);
        ImageIO.write(painted(w.getBounds()), "png", png);
    }

    /** Presses Help, captures the help window (help.png, help.html with its text) and closes it. */
    private static void showHelp(GenericDialog gd, File out) throws Exception {
        final Button help = button(gd, "Help");
        final GenericDialog d = gd;
        EventQueue.invokeLater(new Runnable() {
            public void run() {
                d.actionPerformed(new ActionEvent(help, ActionEvent.ACTION_PERFORMED, "Help"));
            }
        });
        for (int t = 0; t < 100; t++) {
            for (Window w : Window.getWindows()) {
                if (w instanceof ij.gui.HTMLDialog && w.isShowing()) {
                    Thread.sleep(800);
                    ImageIO.write(painted(w.getBounds()), "png", new File(out, "help.png"));
                    for (Component c : flatten((Container) w, new ArrayList<Component>())) {
                        if (c instanceof javax.swing.JEditorPane) {
                            String text = ((javax.swing.JEditorPane) c).getText();
                            Files.write(new File(out, "help.html").toPath(), text.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    w.dispose();
                    return;
                }
            }
            Thread.sleep(100);
        }
        fail("the Help button opened no HTML window");
    }

    /**
     * Saves a screenshot of each window titled as one of {@code titles} (comma-separated, in the order given) to
     * OUT/window-N.png (N from 1), after bringing it to the front; fails when one is missing. The current image is
     * selected again afterwards.
     */
    private static void captureWindows(String titles, File out) throws Exception {
        if (titles.length() == 0) {
            return;
        }
        ij.ImagePlus current = ij.WindowManager.getCurrentImage();
        String[] t = titles.split(",");
        for (int i = 0; i < t.length; i++) {
            java.awt.Frame found = null;
            for (long ms = 0; ms < 20000 && found == null; ms += 200) {
                for (java.awt.Frame f : java.awt.Frame.getFrames()) {
                    if (f.isShowing() && t[i].equals(f.getTitle())) {
                        found = f;
                    }
                }
                if (found == null) {
                    Thread.sleep(200);
                }
            }
            if (found == null) {
                fail("no window titled " + t[i]);
            }
            final java.awt.Frame w = found;
            EventQueue.invokeAndWait(new Runnable() {
                public void run() {
                    w.setLocation(0, 0);
                    w.toFront();
                }
            });
            Thread.sleep(700);
            ImageIO.write(new Robot().createScreenCapture(w.getBounds()), "png", new File(out, "window-" + (i + 1) + ".png"));
        }
        if (current != null) {
            IJ.selectWindow(current.getID()); // the replayed macro runs on the image the recorded run used
        }
    }

    private static void fail(String why) {
        System.out.println("driver=failed: " + why);
        System.out.println("log: " + IJ.getLog());
        for (Window w : Window.getWindows()) {
            if (w.isShowing()) {
                System.out.println("window: " + w.getClass().getName() + " " + (w instanceof java.awt.Dialog
                        ? ((java.awt.Dialog) w).getTitle() : w instanceof java.awt.Frame ? ((java.awt.Frame) w).getTitle() : ""));
                if (w instanceof ij.gui.MessageDialog) {
                    for (Component c : flatten((Container) w, new ArrayList<Component>())) {
                        if (c instanceof ij.gui.MultiLineLabel) {
                            try {
                                java.lang.reflect.Field f = ij.gui.MultiLineLabel.class.getDeclaredField("lines");
                                f.setAccessible(true);
                                System.out.println("  message: " + java.util.Arrays.toString((String[]) f.get(c)));
                            } catch (ReflectiveOperationException e) {
                                System.out.println("  message: (unreadable)");
                            }
                        }
                    }
                }
            }
        }
        System.out.flush();
        System.exit(1);
    }

    private static GenericDialog waitForDialog(long ms) throws InterruptedException {
        for (long t = 0; t < ms; t += 100) {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog && w.isShowing()) {
                    return (GenericDialog) w;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** The recorded lines of the command (run("COMMAND", ...)), once the command has ended. */
    private static String waitForRecording(String command, long ms) throws InterruptedException {
        String prefix = "run(\"" + command + "\"";
        for (long t = 0; t < ms; t += 200) {
            StringBuilder sb = new StringBuilder();
            for (String line : Recorder.getInstance().getText().split("\n")) {
                if (line.startsWith(prefix)) {
                    sb.append(line).append('\n');
                }
            }
            if (sb.length() > 0) {
                return sb.toString();
            }
            Thread.sleep(200);
        }
        return null;
    }

    private static void save(String[] tables, File out, String prefix) throws java.io.IOException {
        for (String t : tables) {
            if (t.equals("Log")) {
                String log = IJ.getLog();
                Files.write(new File(out, prefix + "Log.txt").toPath(), (log == null ? "" : log).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            ResultsTable rt = ResultsTable.getResultsTable(t);
            if (rt == null) {
                fail("no table " + t);
            }
            rt.save(new File(out, prefix + t + ".csv").getPath());
        }
    }

    private static List<Component> flatten(Container c, List<Component> into) {
        for (Component k : c.getComponents()) {
            into.add(k);
            if (k instanceof Container) {
                flatten((Container) k, into);
            }
        }
        return into;
    }

    private static String key(String label) {
        String k = label.trim();
        int i = k.indexOf(' ');
        k = i < 0 ? k : k.substring(0, i);
        i = k.indexOf(':');
        return (i < 0 ? k : k.substring(0, i)).toLowerCase();
    }

    /** True when a label as shown names {@code key}: its first word, or its words joined by '_' (ImageJ shows "Min_diameter" as "Min diameter"). */
    private static boolean names(String shown, String key) {
        String joined = shown.trim().toLowerCase().replace(' ', '_');
        return key(shown).equals(key) || joined.equals(key) || joined.startsWith(key + "_");
    }

    /** Sets the field labelled by {@code key} (first word of its label) to {@code value}. */
    private static void set(final GenericDialog gd, final String key, final String value) throws Exception {
        final boolean[] done = new boolean[1];
        EventQueue.invokeAndWait(new Runnable() {
            public void run() {
                List<Component> all = flatten(gd, new ArrayList<Component>());
                for (int i = 0; i < all.size() && !done[0]; i++) {
                    Component c = all.get(i);
                    if (c instanceof Checkbox && names(((Checkbox) c).getLabel(), key)) {
                        Checkbox box = (Checkbox) c;
                        box.setState(Boolean.parseBoolean(value));
                        gd.itemStateChanged(new java.awt.event.ItemEvent(box, java.awt.event.ItemEvent.ITEM_STATE_CHANGED, box,
                                box.getState() ? java.awt.event.ItemEvent.SELECTED : java.awt.event.ItemEvent.DESELECTED));
                        done[0] = true;
                    } else if (c instanceof Label && names(((Label) c).getText(), key)) {
                        for (int j = i + 1; j < all.size() && !done[0]; j++) {
                            Component f = all.get(j);
                            if (f instanceof TextField) {
                                ((TextField) f).setText(value);
                                done[0] = true;
                            } else if (f instanceof Choice) {
                                ((Choice) f).select(value);
                                done[0] = true;
                            }
                        }
                    }
                }
            }
        });
        if (!done[0]) {
            fail("no field '" + key + "' in the dialog");
        }
    }

    private static Button button(Container c, String text) {
        for (Component k : flatten(c, new ArrayList<Component>())) {
            if (k instanceof Button && ((Button) k).getLabel().trim().equals(text)) {
                return (Button) k;
            }
        }
        fail("no " + text + " button");
        return null;
    }
}
