package coloc.ij;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Loads Coloc's native engine from inside the plugin jar.
 * <p>
 * The JVM's {@code os.name}/{@code os.arch} are mapped to a .NET runtime identifier ({@link #rid}: linux-x64,
 * linux-arm64, win-x64, win-arm64, osx-x64, osx-arm64) and {@code /native/<rid>/<library>} is extracted into a cache
 * folder named by the jar's version ({@code /native/version.txt}) and the library's SHA-256 ({@code <base>/coloc-native/<version>/<rid>-<sha>/}),
 * then loaded. The copy is kept: Windows locks a loaded DLL, and the next start (or a second Fiji) finds it and
 * loads it without writing. A fresh copy is written to a temporary name and renamed into place, so concurrent starts
 * never load a half-written file. {@code <base>} is {@code -Dcoloc.native.tmpdir=DIR} (for a noexec /tmp), else
 * {@code java.io.tmpdir}/coloc-{@code user.name}.
 * <p>
 * {@code -Dcoloc.native.lib=/path/libcoloc.so} loads a given file instead. On a platform the jar holds no engine
 * for, the error names that platform and every platform the jar holds ({@code /native/platforms.txt}, written by
 * the build). Once per class loader.
 */
final class NativeLoader {
    private static boolean loaded;

    private NativeLoader() {
    }

    static synchronized void load() {
        if (loaded) {
            return;
        }
        String explicit = System.getProperty("coloc.native.lib");
        if (explicit != null && explicit.length() > 0) {
            System.load(new File(explicit).getAbsolutePath());
            loaded = true;
            return;
        }
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        String rid = rid(osName, osArch);
        List<String> held = platformsInJar();
        if (rid == null || !held.contains(rid)) {
            throw new UnsatisfiedLinkError(unsupportedMessage(osName, osArch, rid, held));
        }
        String resource = "/native/" + rid + "/" + libraryName(rid);
        byte[] bytes;
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("the plugin jar lists " + rid + " but lacks " + resource);
            }
            bytes = readAll(in);
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("cannot read " + resource + " from the plugin jar: " + e.getMessage());
        }
        Path lib;
        try {
            lib = extract(cacheBase(), version(), rid, libraryName(rid), bytes);
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("cannot extract " + resource + " into " + cacheBase() + ": " + e
                    + " (set -Dcoloc.native.tmpdir=DIR to a writable folder)");
        }
        System.load(lib.toAbsolutePath().toString());
        loaded = true;
    }

    /**
     * The .NET runtime identifier for a JVM's {@code os.name} and {@code os.arch}, or null when Coloc has no name
     * for that operating system or processor.
     */
    static String rid(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String o;
        if (os.startsWith("linux")) {
            o = "linux";
        } else if (os.startsWith("windows")) {
            o = "win";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            o = "osx";
        } else {
            return null;
        }
        String a;
        if (arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x64")) {
            a = "x64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            a = "arm64";
        } else {
            return null;
        }
        return o + "-" + a;
    }

    /** The engine's file name inside {@code native/<rid>/}: libcoloc.so, libcoloc.dylib or libcoloc.dll. */
    static String libraryName(String rid) {
        if (rid.startsWith("win-")) {
            return "libcoloc.dll";
        }
        return rid.startsWith("osx-") ? "libcoloc.dylib" : "libcoloc.so";
    }

    /** The error for a platform without an engine in this jar: names the platform and what the jar holds. */
    static String unsupportedMessage(String osName, String osArch, String rid, List<String> held) {
        String platform = rid != null ? rid + " (" + osName + " " + osArch + ")" : osName + " " + osArch;
        String holds = held.isEmpty() ? "no native engine at all" : "engines for " + String.join(", ", held);
        return "Coloc's native engine is not built for " + platform + "; this Coloc_Fiji.jar holds " + holds
                + ". Install the jar of the Coloc update site, or run the coloc command-line tool.";
    }

    /** The RIDs listed in {@code /native/platforms.txt}, one a line; empty when the file is missing. */
    static List<String> platformsInJar() {
        List<String> rids = new ArrayList<String>();
        try (InputStream in = NativeLoader.class.getResourceAsStream("/native/platforms.txt")) {
            if (in == null) {
                return rids;
            }
            for (String line : new String(readAll(in), StandardCharsets.UTF_8).split("\n")) {
                String t = line.trim();
                if (t.length() > 0 && !rids.contains(t)) {
                    rids.add(t);
                }
            }
        } catch (IOException e) {
            return rids;
        }
        return rids;
    }

    /**
     * Writes {@code bytes} to {@code <base>/coloc-native/<version>/<rid>-<sha>/<name>} unless a file with those bytes
     * is there already, and returns its path.
     */
    static Path extract(Path base, String version, String rid, String name, byte[] bytes) throws IOException {
        Path dir = base.resolve("coloc-native").resolve(safe(version)).resolve(rid + "-" + sha256(bytes).substring(0, 16));
        Path lib = dir.resolve(name);
        if (Files.isRegularFile(lib) && Arrays.equals(Files.readAllBytes(lib), bytes)) {
            return lib;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Windows: another JVM has the same file loaded (locked); its bytes are the ones we want.
                if (!(Files.isRegularFile(lib) && Arrays.equals(Files.readAllBytes(lib), bytes))) {
                    throw e;
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return lib;
    }

    private static Path cacheBase() {
        String base = System.getProperty("coloc.native.tmpdir");
        if (base != null && base.length() > 0) {
            return new File(base).toPath();
        }
        String user = safe(System.getProperty("user.name", "user"));
        return new File(System.getProperty("java.io.tmpdir", "."), "coloc-" + user).toPath();
    }

    /** The plugin's version, from {@code /native/version.txt} (written by the build), else "dev". */
    private static String version() {
        try (InputStream in = NativeLoader.class.getResourceAsStream("/native/version.txt")) {
            String v = in == null ? "" : new String(readAll(in), StandardCharsets.UTF_8).trim();
            return v.length() > 0 ? v : "dev";
        } catch (IOException e) {
            return "dev";
        }
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String sha256(byte[] bytes) {
        try {
            StringBuilder sb = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) {
                sb.append(String.format("%02x", b & 0xff));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
