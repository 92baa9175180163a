package coloc.fijitest;

/**
 * Runs the plugin's Match Blobs entry point ({@code coloc.ij.Coloc.matchBlobs}) in a plain JVM, printing the JVM's
 * platform first: used to compare linux-arm64 (qemu) with linux-x64. Arguments: image path, Match Blobs options.
 */
public final class MatchProbe {
    private MatchProbe() {
    }

    public static void main(String[] args) {
        System.out.println("platform " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.println("version " + coloc.ij.Coloc.version());
        String summary = coloc.ij.Coloc.matchBlobs(args[0], args[1]);
        System.out.println("summary " + summary);
        if (summary.startsWith("error:")) {
            System.exit(1);
        }
    }
}
