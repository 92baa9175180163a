package coloc.ij;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTML help shipped in the jar ({@code /coloc/ij/help.html}): one section per command between
 * {@code <!-- section:NAME -->} and {@code <!-- end:NAME -->}, followed by the command's parameter table generated
 * from the engine's declaration (label, macro key, unit, default, meaning), then the version and how to cite.
 */
final class Help {
    private Help() {
    }

    /** The Help page of a dialog: {@code <html>...} as GenericDialog.addHelp shows it in an HTML window. */
    static String page(String command, String title, List<Param> params) {
        StringBuilder sb = new StringBuilder("<html><body><h2>").append(escape(title)).append("</h2>");
        sb.append(section(command));
        sb.append("<h3>Fields</h3><table border=1 cellpadding=2><tr><th>Field</th><th>Macro key</th><th>Default</th>"
                + "<th>Meaning</th></tr>");
        for (Param p : params) {
            sb.append("<tr><td>").append(escape(ParamDialog.label(p).replace('_', ' '))).append("</td><td><tt>").append(escape(p.key))
                    .append(p.kind.equals("channels") ? "</tt> (or <tt>c1 c2 ...</tt>)" : "</tt>").append("</td><td>")
                    .append(escape(p.defaultValue.length() == 0 ? "(empty)" : p.defaultValue)).append("</td><td>")
                    .append(escape(p.help)).append("</td></tr>");
        }
        sb.append("</table>");
        return sb.append(section("about")).append(Version.html()).append("</body></html>").toString();
    }

    /** The text of one section of help.html ("" when missing). */
    static String section(String name) {
        String all = resource();
        String start = "<!-- section:" + name + " -->";
        int a = all.indexOf(start);
        int b = all.indexOf("<!-- end:" + name + " -->");
        return a < 0 || b < a ? "" : all.substring(a + start.length(), b).trim();
    }

    private static String resource() {
        try (InputStream in = Help.class.getResourceAsStream("/coloc/ij/help.html")) {
            if (in == null) {
                return "";
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0;) {
                out.write(buf, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
