package coloc.ij;

/**
 * Prints what the plugin's NativeLoader decides, for the platform tests: {@code rid <os.name> <os.arch>} pairs from
 * the arguments (given as {@code os.name|os.arch}), the platforms this jar holds, and the error an unsupported
 * platform gets. With {@code load} as the first argument it loads the engine and prints its ABI version.
 */
public final class LoaderProbe {
    private LoaderProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("load")) {
            ColocNative.load();
            System.out.println("abi=" + ColocNative.abiVersion());
            return;
        }
        for (String a : args) {
            String[] p = a.split("\\|", -1);
            System.out.println("rid " + a + " -> " + NativeLoader.rid(p[0], p[1]));
        }
        System.out.println("held " + String.join(",", NativeLoader.platformsInJar()));
        System.out.println("message " + NativeLoader.unsupportedMessage("Mac OS X", "aarch64",
                NativeLoader.rid("Mac OS X", "aarch64"), NativeLoader.platformsInJar()));
    }
}
