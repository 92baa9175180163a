package coloc.ij;

import ij.ImagePlus;
import ij.Macro;
import ij.Prefs;
import ij.gui.DialogListener;
import ij.gui.GenericDialog;
import java.awt.AWTEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GenericDialog built from a command's parameter spec (declared once in the engine). Labels are words with units
 * ("Output folder", "Tolerance (z,y,x)"); the first word of every label is the macro key, so the recorder writes
 * exactly the keys the native side parses. Choices become drop-downs (the profile lists the built-in names and still
 * takes any combination from a macro); channels become one checkbox per image channel ("C1", "C2", recorded as
 * {@code c1 c2}; a macro may still give {@code channels=[1,2]}). Help opens the command's HTML page from the jar.
 * Defaults come from Prefs (remembered from the last run) except when a macro supplies options, where the spec's
 * defaults apply so that macros are reproducible.
 */
final class ParamDialog {
    private final String title;
    private final String command;
    private final List<Param> params;
    private final int channels;
    private String warning;
    private DetectPreview preview;
    private final Map<String, String[]> choiceOverrides = new LinkedHashMap<String, String[]>();

    /**
     * @param imp the image the command runs on: its channel count gives the channel checkboxes (null = a text
     *        field)
     */
    ParamDialog(String title, String command, ImagePlus imp) {
        this.title = title;
        this.command = command;
        this.params = Param.of(command);
        this.channels = imp == null ? 0 : imp.getNChannels();
    }

    /** Shows {@code text} (if not null) in red at the top of the dialog, e.g. that the image is uncalibrated. */
    ParamDialog warning(String text) {
        this.warning = text;
        return this;
    }

    /** Offers {@code values} as the drop-down of {@code key} instead of the spec's choices (e.g. the open images' titles). */
    ParamDialog choices(String key, String[] values) {
        choiceOverrides.put(key, values);
        return this;
    }

    private String[] choicesOf(Param p) {
        String[] c = choiceOverrides.get(p.key);
        return c != null ? c : p.choices;
    }

    /** Adds a Preview checkbox: while it is ticked, every change of a field asks {@code p} for a preview. */
    ParamDialog preview(DetectPreview p) {
        this.preview = p;
        return this;
    }

    private String prefKey(String key) {
        return "coloc." + command + "." + key;
    }

    private boolean checkboxes(Param p) {
        return p.kind.equals("channels") && channels > 0;
    }

    /** The label shown (and recorded: its first word): words, then the unit in parentheses. */
    static String label(Param p) {
        return p.label + (p.unit.length() > 0 ? " (" + p.unit + ")" : "");
    }

    /** Shows the dialog (or reads the macro options); returns key → value, or null when cancelled. */
    Map<String, String> show() {
        final String macroOptions = Macro.getOptions();
        boolean macro = macroOptions != null;
        Version.logOnce();
        GenericDialog gd = new GenericDialog(title);
        if (warning != null) {
            gd.addMessage("Warning: " + warning, null, java.awt.Color.red);
        }
        for (Param p : params) {
            String def = macro ? p.defaultValue : Prefs.get(prefKey(p.key), p.defaultValue);
            String label = label(p);
            if (checkboxes(p)) {
                addChannelBoxes(gd, def);
            } else if (choiceOverrides.containsKey(p.key) && choicesOf(p).length > 0) {
                // e.g. open images: a remembered title that is no longer open is not offered
                String[] c = choicesOf(p);
                gd.addChoice(label, c, Arrays.asList(c).contains(def) ? def : c[0]);
            } else if (p.choices.length > 0) {
                gd.addChoice(label, withValue(p.choices, def), def);
            } else if (p.kind.equals("filein") || p.kind.equals("fileout")) {
                gd.addFileField(label, def, 30);
            } else if (p.kind.equals("folder")) {
                gd.addDirectoryField(label, def, 30);
            } else {
                gd.addStringField(label, def, 20);
            }
        }
        final Map<String, String> closing = new LinkedHashMap<String, String>();
        if (preview != null) {
            gd.addCheckbox("Preview (current slice)", false);
            gd.addDialogListener(new DialogListener() {
                public boolean dialogItemChanged(GenericDialog d, AWTEvent e) {
                    if (e == null) {
                        // ImageJ calls this once more when the dialog closes (OK or a macro), with the Recorder on:
                        // the final read happens here, so that it is recorded.
                        closing.putAll(read(d, macroOptions));
                        return true;
                    }
                    try {
                        Map<String, String> v = read(d, null);
                        v.put("output", "");
                        if (d.getNextBoolean()) {
                            preview.request(options(v));
                        } else {
                            preview.clear();
                        }
                    } catch (RuntimeException ex) {
                        ij.IJ.showStatus("Coloc preview: " + ex.getMessage());
                    }
                    return true;
                }
            });
        }
        gd.addHelp(Help.page(command, title, params));
        gd.showDialog();
        if (preview != null) {
            preview.clear();
        }
        if (gd.wasCanceled()) {
            return null;
        }
        Map<String, String> values = closing.isEmpty() ? read(gd, macroOptions) : closing;
        if (!macro) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                Prefs.set(prefKey(e.getKey()), e.getValue());
            }
        }
        return values;
    }

    /** Reads the fields in order (macro options given: a macro's {@code channels=} key wins over the checkboxes). */
    private Map<String, String> read(GenericDialog gd, String macroOptions) {
        Map<String, String> values = new LinkedHashMap<String, String>();
        for (Param p : params) {
            String v;
            if (checkboxes(p)) {
                v = readChannelBoxes(gd, macroOptions != null ? Macro.getValue(macroOptions, p.key, null) : null);
            } else {
                v = choicesOf(p).length > 0 ? gd.getNextChoice().trim() : gd.getNextString().trim();
            }
            values.put(p.key, v);
        }
        return values;
    }

    /** The choices plus {@code value} when it is not among them (a remembered combination such as default,lightsheet). */
    private static String[] withValue(String[] choices, String value) {
        if (value.length() == 0 || Arrays.asList(choices).contains(value)) {
            return choices;
        }
        String[] r = new String[choices.length + 1];
        r[0] = value;
        System.arraycopy(choices, 0, r, 1, choices.length);
        return r;
    }

    /** One checkbox per image channel, ticked when {@code def} (1-based list, empty = all) holds it. */
    private void addChannelBoxes(GenericDialog gd, String def) {
        List<String> given = def.trim().length() == 0 ? null : Arrays.asList(def.replace(" ", "").split(","));
        String[] labels = new String[channels];
        boolean[] states = new boolean[channels];
        String[] headings = new String[Math.min(channels, 8)];
        Arrays.fill(headings, "");
        headings[0] = "Channels (1-based)";
        for (int c = 0; c < channels; c++) {
            labels[c] = "C" + (c + 1);
            states[c] = given == null || given.contains(String.valueOf(c + 1));
        }
        int cols = headings.length;
        gd.addCheckboxGroup((channels + cols - 1) / cols, cols, labels, states, headings);
    }

    /**
     * The channels ticked as a 1-based list; every box ticked (or, in a macro, none named) = "" (all channels). A macro
     * that gives {@code channels=[1,2]} (the key of earlier versions) keeps it.
     */
    private String readChannelBoxes(GenericDialog gd, String macroValue) {
        List<String> ticked = new ArrayList<String>();
        for (int c = 0; c < channels; c++) {
            if (gd.getNextBoolean()) {
                ticked.add(String.valueOf(c + 1));
            }
        }
        if (macroValue != null) {
            return macroValue.trim();
        }
        if (ticked.size() == channels || (ticked.isEmpty() && Macro.getOptions() != null)) {
            return "";
        }
        if (ticked.isEmpty()) {
            throw new IllegalArgumentException("channels: tick at least one channel");
        }
        StringBuilder sb = new StringBuilder();
        for (String t : ticked) {
            sb.append(sb.length() == 0 ? "" : ",").append(t);
        }
        return sb.toString();
    }

    /** The macro option string for the values (every key, bracketed). */
    static String options(Map<String, String> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Param.option(e.getKey(), e.getValue()));
        }
        return sb.toString();
    }
}
