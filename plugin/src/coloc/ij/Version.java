package coloc.ij;

import ij.IJ;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The plugin's version (the jar's {@code /native/version.txt}, also its manifest's Implementation-Version), platform and citation. */
final class Version {
    /** How to cite Coloc in a methods section. */
    static final String CITATION = "Coloc (version %s), a re-implementation of MagellanMapper's colocalizer; please also cite"
            + " MagellanMapper: Young D.M. et al., Curr. Protoc. Neurosci. 94(1):e104 (2020), doi:10.1002/cpns.104.";

    private static boolean logged;

    private Version() {
    }

    /** The version, e.g. "0.1.0" ("dev" outside a built jar). */
    static String number() {
        try (InputStream in = Version.class.getResourceAsStream("/native/version.txt")) {
            if (in == null) {
                return "dev";
            }
            byte[] b = new byte[64];
            int n = in.read(b);
            String v = n <= 0 ? "" : new String(b, 0, n, StandardCharsets.UTF_8).trim();
            return v.length() > 0 ? v : "dev";
        } catch (IOException e) {
            return "dev";
        }
    }

    /** One line: "Coloc 0.1.0 (engine ABI 2, linux-x64; ImageJ 1.53t, Java 17.0.15)". */
    static String line() {
        String rid = NativeLoader.rid(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        return "Coloc " + number() + " (engine ABI " + ColocNative.ABI + ", " + (rid == null ? System.getProperty("os.name")
                + " " + System.getProperty("os.arch") : rid) + "; ImageJ " + IJ.getVersion() + ", Java "
                + System.getProperty("java.version") + ")";
    }

    /** The citation with this version. */
    static String citation() {
        return String.format(CITATION, number());
    }

    /** Logs {@link #line()} once per ImageJ session (the first Coloc command run). */
    static synchronized void logOnce() {
        if (!logged) {
            logged = true;
            IJ.log(line());
        }
    }

    /** The version and citation as HTML (the foot of every help page and the About window). */
    static String html() {
        return "<h3>Version</h3><p>" + Help.escape(line()) + "</p><h3>How to cite</h3><p>" + Help.escape(citation()) + "</p>";
    }
}
