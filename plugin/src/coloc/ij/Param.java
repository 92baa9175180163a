package coloc.ij;

import java.util.ArrayList;
import java.util.List;

/** One option of a command as declared by the native side ({@code ColocNative.parameterSpec}). */
final class Param {
    final String key;
    final String kind;
    final String defaultValue;
    final String unit;
    final String[] choices;
    final String help;
    /** The dialog label in words; its first word, lower-cased, is {@link #key} (what ImageJ's recorder writes). */
    final String label;

    private Param(String[] f) {
        key = f[0];
        kind = f[1];
        defaultValue = f[2];
        unit = f[3];
        choices = f[4].length() == 0 ? new String[0] : f[4].split("\\|");
        help = f[5];
        label = f[6];
    }

    /** True when the value must be one of {@link #choices}; otherwise the choices are only suggestions. */
    boolean strictChoice() {
        return kind.equals("choice");
    }

    /** Parses the spec text: one line per option, seven tab-separated fields. */
    static List<Param> parse(String spec) {
        List<Param> r = new ArrayList<Param>();
        for (String line : spec.split("\n")) {
            if (line.length() == 0) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 7) {
                throw new IllegalStateException("bad parameter spec line: " + line);
            }
            r.add(new Param(f));
        }
        return r;
    }

    /** Loads the spec of a command from the native library. */
    static List<Param> of(String command) {
        ColocNative.load();
        return parse(ColocNative.parameterSpec(command));
    }

    /** Quotes a value for a macro option string. */
    static String option(String key, String value) {
        return key + "=[" + value + "]";
    }
}
