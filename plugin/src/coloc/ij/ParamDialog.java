package coloc.ij;

import ij.Macro;
import ij.Prefs;
import ij.gui.GenericDialog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GenericDialog built from a command's parameter spec. The first word of every label is the macro key, so the
 * recorder writes exactly the keys the native side parses. Defaults come from Prefs (remembered from the last run)
 * except when a macro supplies options, where the spec's defaults apply so that macros are reproducible.
 */
final class ParamDialog {
    private final String title;
    private final String command;
    private final List<Param> params;
    private String warning;

    ParamDialog(String title, String command) {
        this.title = title;
        this.command = command;
        this.params = Param.of(command);
    }

    /** Shows {@code text} (if not null) in red at the top of the dialog, e.g. that the image is uncalibrated. */
    ParamDialog warning(String text) {
        this.warning = text;
        return this;
    }

    private String prefKey(Param p) {
        return "coloc." + command + "." + p.key;
    }

    /** Shows the dialog (or reads the macro options); returns key → value, or null when cancelled. */
    Map<String, String> show() {
        boolean macro = Macro.getOptions() != null;
        GenericDialog gd = new GenericDialog(title);
        if (warning != null) {
            gd.addMessage("Warning: " + warning, null, java.awt.Color.red);
        }
        for (Param p : params) {
            String def = macro ? p.defaultValue : Prefs.get(prefKey(p), p.defaultValue);
            String label = p.key + (p.unit.length() > 0 ? " (" + p.unit + ")" : "");
            if (p.choices.length > 0) {
                gd.addChoice(label, p.choices, def);
            } else if (p.kind.equals("filein") || p.kind.equals("fileout")) {
                gd.addFileField(label, def, 30);
            } else if (p.kind.equals("folder")) {
                gd.addDirectoryField(label, def, 30);
            } else {
                gd.addStringField(label, def, 20);
            }
        }
        StringBuilder help = new StringBuilder("<html><body><h3>" + title + "</h3><ul>");
        for (Param p : params) {
            help.append("<li><b>").append(p.key).append("</b>: ").append(escape(p.help)).append("</li>");
        }
        gd.addHelp(help.append("</ul></body></html>").toString());
        gd.showDialog();
        if (gd.wasCanceled()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<String, String>();
        for (Param p : params) {
            String v = p.choices.length > 0 ? gd.getNextChoice() : gd.getNextString().trim();
            values.put(p.key, v);
            if (!macro) {
                Prefs.set(prefKey(p), v);
            }
        }
        return values;
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

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
