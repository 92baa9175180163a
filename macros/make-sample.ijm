// Coloc: builds the demo image for a MagellanMapper blob CSV - a 2-channel 8-bit hyperstack of the blobs' stack shape
// with one Gaussian spot per blob (peak 200, sigma = radius/2, drawn within the radius; overlaps keep the maximum).
// Deterministic: the same CSV gives the same pixels.
// Usage: ImageJ -batch make-sample.ijm "blobs=[path/blobs.csv] output=[path/sample.zip] shape=[60,1100,1100]"
// The bundled sample (macros/sample/blobs.csv) is MagellanMapper's oracle case B01: shape 60x1100x1100, 1 um voxels.
arg = getArgument();
csv = call("ij.Macro.getValue", arg, "blobs", "");
out = call("ij.Macro.getValue", arg, "output", "");
shape = split(call("ij.Macro.getValue", arg, "shape", "60,1100,1100"), ",");
if (csv == "" || out == "") exit("usage: make-sample.ijm \"blobs=[blobs.csv] output=[sample.zip] shape=[z,y,x]\"");
nz = parseInt(shape[0]); ny = parseInt(shape[1]); nx = parseInt(shape[2]);
setBatchMode(true);
newImage("sample", "8-bit black", nx, ny, 2, nz, 1);
run("Properties...", "channels=2 slices=" + nz + " frames=1 unit=micron pixel_width=1 pixel_height=1 voxel_depth=1");
lines = split(File.openAsString(csv), "\n");
head = split(lines[0], ",");
for (k = 0; k < head.length; k++) {
    if (head[k] == "z") cz = k;
    if (head[k] == "y") cy = k;
    if (head[k] == "x") cx = k;
    if (head[k] == "radius") cr = k;
    if (head[k] == "channel") cc = k;
}
for (i = 1; i < lines.length; i++) {
    f = split(lines[i], ",");
    if (f.length < head.length) continue;
    z = parseFloat(f[cz]); y = parseFloat(f[cy]); x = parseFloat(f[cx]);
    r = maxOf(1, parseFloat(f[cr])); c = parseInt(f[cc]);
    if (c > 1) continue;
    s2 = 2 * (r / 2) * (r / 2);
    for (zz = floor(z - r); zz <= z + r; zz++) {
        if (zz < 0 || zz >= nz) continue;
        Stack.setPosition(c + 1, zz + 1, 1);
        for (yy = floor(y - r); yy <= y + r; yy++) {
            for (xx = floor(x - r); xx <= x + r; xx++) {
                d2 = (zz - z) * (zz - z) + (yy - y) * (yy - y) + (xx - x) * (xx - x);
                if (d2 > r * r || xx < 0 || yy < 0 || xx >= nx || yy >= ny) continue;
                v = round(200 * exp(-d2 / s2));
                if (v > getPixel(xx, yy)) setPixel(xx, yy, v);
            }
        }
    }
}
Stack.setPosition(1, 1, 1);
run("Make Composite", "display=Composite");
saveAs("ZIP", out);
print("wrote " + out + " (" + nx + "x" + ny + "x" + nz + ", 2 channels)");
