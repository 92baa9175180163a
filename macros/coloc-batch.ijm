// Coloc batch: Match Blobs on every TIFF of a folder, one result folder per image.
// Usage: ImageJ -batch coloc-batch.ijm "input=[dir] output=[dir] mode=magmap profile=[default]"
// For each <name>.tif (or .tiff) in input the blobs are read from <name>_blobs.csv beside it (MagellanMapper format);
// the image gives the stack shape and calibration. Results: output/<name>/matches_c<a>_c<b>.csv + summary.json, and
// output/<name>/summary.csv (the per-pair table). Images without a blob file are listed and skipped.
// Runs under -batch with a display (xvfb-run); the per-image work is the same as call("coloc.ij.Coloc.matchBlobs", ...)
// which also runs in true headless mode.
arg = getArgument();
input = call("ij.Macro.getValue", arg, "input", "");
output = call("ij.Macro.getValue", arg, "output", "");
mode = call("ij.Macro.getValue", arg, "mode", "magmap");
profile = call("ij.Macro.getValue", arg, "profile", "default");
if (input == "" || output == "") exit("usage: coloc-batch.ijm \"input=[dir] output=[dir] mode=magmap profile=[default]\"");
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;
File.makeDirectory(output);
setBatchMode(true);
files = getFileList(input);
Array.sort(files);
done = 0;
for (i = 0; i < files.length; i++) {
    f = files[i];
    if (!endsWith(toLowerCase(f), ".tif") && !endsWith(toLowerCase(f), ".tiff")) continue;
    name = substring(f, 0, lastIndexOf(f, "."));
    blobs = input + name + "_blobs.csv";
    if (!File.exists(blobs)) { print("skip " + f + ": no " + name + "_blobs.csv"); continue; }
    open(input + f);
    dest = output + name;
    run("Match Blobs", "blobs=[" + blobs + "] mode=" + mode + " profile=[" + profile + "] output=[" + dest + "]");
    selectWindow("Coloc Summary");
    saveAs("Results", dest + File.separator + "summary.csv");
    print(f + ": " + nResults + " matches -> " + dest);
    close("*");
    done++;
}
print("batch done: " + done + " image(s)");
