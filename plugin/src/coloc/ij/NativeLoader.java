package coloc.ij;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads libcoloc.so from inside the plugin jar: copies {@code /native/linux-x64/libcoloc.so} into a fresh temporary
 * folder (under {@code -Dcoloc.native.tmpdir=DIR} if /tmp is noexec), loads it and deletes the copy (the mapping
 * stays valid). {@code -Dcoloc.native.lib=/path/libcoloc.so} loads a given file instead. Once per class loader.
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
        String os = System.getProperty("os.name", "").toLowerCase();
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UnsatisfiedLinkError("Coloc's native engine is built for linux-x64 only; this JVM runs on " + os + " " + arch);
        }
        String resource = "/native/linux-x64/libcoloc.so";
        Path dir = null;
        Path lib = null;
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError("the plugin jar lacks " + resource);
            }
            String base = System.getProperty("coloc.native.tmpdir");
            dir = base != null ? Files.createTempDirectory(new File(base).toPath(), "coloc-native-")
                    : Files.createTempDirectory("coloc-native-");
            lib = dir.resolve("libcoloc.so");
            Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
            System.load(lib.toAbsolutePath().toString());
            loaded = true;
        } catch (IOException e) {
            throw new UnsatisfiedLinkError("cannot extract " + resource + ": " + e.getMessage());
        } finally {
            try {
                if (lib != null) {
                    Files.deleteIfExists(lib);
                }
                if (dir != null) {
                    Files.deleteIfExists(dir);
                }
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
