using Coloc.TestKit;

namespace Coloc.IO.Tests.Tiff;

/// <summary>
/// TIFF files written by other programs (ImageJ 1.53t headless, Python tifffile, libtiff's tiffcp), made once per
/// test run in a temporary folder (small images; about 10 s, mostly the JVM start). Every pixel follows
/// <see cref="Value"/> so the reader can be checked voxel by voxel.
/// </summary>
public sealed class IndependentTiffFiles : IDisposable
{
    /// <summary>z, y, x of every generated volume (x and y not multiples of the 16-pixel tiles).</summary>
    public const int Z = 3, Y = 37, X = 45;

    public IndependentTiffFiles()
    {
        Dir = RepoPaths.NewTempDir();
        WriteWithTifffile();
        WriteWithImageJ();
        WriteWithTiffcp();
    }

    public string Dir { get; }

    public string this[string name] => Path.Combine(Dir, name);

    /// <summary>The pixel at (c, t, z, y, x) of a file of this kind: 8-bit values stay below 256, signed kinds are shifted below 0, float adds 0.25.</summary>
    public static double Value(string kind, int c, int t, int z, int y, int x)
    {
        int v = c * 1000 + t * 500 + z * 100 + y * 10 + x;
        return kind switch
        {
            "u8" => (c * 50 + t * 25 + z * 20 + y * 3 + x) % 256,
            "i8" => (c * 50 + t * 25 + z * 20 + y * 3 + x) % 256 - 128,
            "i16" or "i32" => v - 3000,
            "f32" => v + 0.25,
            "u32" => v + 100000,
            _ => v,
        };
    }

    private void WriteWithTifffile() => ExternalTool.Python3("""
        import sys, os, numpy as np, tifffile
        d = sys.argv[1]
        Z, Y, X = 3, 37, 45
        def vol(kind, C=1, T=1):
            t, z, c, y, x = np.meshgrid(np.arange(T), np.arange(Z), np.arange(C), np.arange(Y), np.arange(X), indexing='ij')
            v = c * 1000 + t * 500 + z * 100 + y * 10 + x
            small = (c * 50 + t * 25 + z * 20 + y * 3 + x) % 256
            return {'u8': small.astype('u1'), 'i8': (small - 128).astype('i1'), 'u16': v.astype('u2'), 'i16': (v - 3000).astype('i2'),
                    'u32': (v + 100000).astype('u4'), 'i32': (v - 3000).astype('i4'), 'f32': (v + 0.25).astype('f4')}[kind]
        ij = dict(spacing=2.0, unit='micron', axes='TZCYX')
        res = (1 / 0.25, 1 / 0.5)   # x, y pixels per micron
        for kind in ('u8', 'u16', 'f32'):
            tifffile.imwrite(f'{d}/tf_hs_{kind}.tif', vol(kind, 2, 1), imagej=True, resolution=res, metadata=ij)
        tifffile.imwrite(f'{d}/tf_hs_t2_u16.tif', vol('u16', 2, 2), imagej=True, resolution=res, metadata=ij)
        for kind in ('i8', 'i16', 'u32', 'i32'):
            tifffile.imwrite(f'{d}/tf_plain_{kind}.tif', vol(kind)[0, :, 0], photometric='minisblack', metadata=None)
        tifffile.imwrite(f'{d}/tf_big_u16.tif', vol('u16')[0, :, 0], bigtiff=True, photometric='minisblack', metadata=None)
        tifffile.imwrite(f'{d}/tf_tiled_f32.tif', vol('f32')[0, :, 0], tile=(16, 16), photometric='minisblack', metadata=None)
        tifffile.imwrite(f'{d}/tf_zlib_u16.tif', vol('u16')[0, :, 0], compression='zlib', predictor=True, photometric='minisblack', metadata=None)
        tifffile.imwrite(f'{d}/tf_zlib_tiled_big_i16.tif', vol('i16')[0, :, 0], compression='zlib', tile=(16, 32), bigtiff=True, photometric='minisblack', metadata=None)
        tifffile.imwrite(f'{d}/tf_be_i16.tif', vol('i16')[0, :, 0], byteorder='>', photometric='minisblack', metadata=None)
        tifffile.imwrite(f'{d}/tf_rps5_u16.tif', vol('u16')[0, :, 0], rowsperstrip=5, photometric='minisblack', metadata=None)
        """, Dir);

    private void WriteWithImageJ()
    {
        string macro = Path.Combine(Dir, "make.ijm");
        File.WriteAllText(macro, """
            dir = getArgument();
            function fill(title, type, c, z, t, kind) {
              newImage(title, type + " black", 45, 37, c, z, t);
              for (ci = 1; ci <= c; ci++) for (zi = 1; zi <= z; zi++) for (ti = 1; ti <= t; ti++) {
                Stack.setPosition(ci, zi, ti);
                for (y = 0; y < 37; y++) for (x = 0; x < 45; x++) {
                  if (kind == "u8") v = ((ci-1)*50 + (ti-1)*25 + (zi-1)*20 + y*3 + x) % 256;
                  else v = (ci-1)*1000 + (ti-1)*500 + (zi-1)*100 + y*10 + x;
                  if (kind == "f32") v = v + 0.25;
                  setPixel(x, y, v);
                }
              }
              setVoxelSize(0.25, 0.5, 2, "micron");
              saveAs("Tiff", dir + "/" + title + ".tif");
              close();
            }
            fill("ij_hs_u8", "8-bit", 2, 3, 1, "u8");
            fill("ij_hs_u16", "16-bit", 2, 3, 1, "u16");
            fill("ij_hs_f32", "32-bit", 2, 3, 1, "f32");
            fill("ij_hs_t2_u16", "16-bit", 2, 3, 2, "u16");
            fill("ij_stack_u16", "16-bit", 1, 3, 1, "u16");
            print("done");
            """);
        string output = ExternalTool.Run("timeout", ["120", "java", "-Djava.awt.headless=true", "-cp", "/usr/share/java/ij.jar", "ij.ImageJ", "-batch", macro, Dir], 150);
        if (!output.Contains("done")) throw new InvalidOperationException("ImageJ macro did not finish: " + output);
    }

    private void WriteWithTiffcp()
    {
        (string Name, string[] Args)[] jobs =
        [
            ("cp_lzw_u16", ["-c", "lzw"]),
            ("cp_lzw2_u16", ["-c", "lzw:2"]),
            ("cp_packbits_u16", ["-c", "packbits"]),
            ("cp_zip_u16", ["-c", "zip"]),
            ("cp_tiled_u16", ["-t", "-w", "16", "-l", "16"]),
            ("cp_big_lzw_tiled_u16", ["-8", "-c", "lzw", "-t", "-w", "32", "-l", "16"]),
        ];
        foreach (var (name, args) in jobs)
            ExternalTool.Run("timeout", ["60", "tiffcp", .. args, this["tf_hs_u16.tif"], this[name + ".tif"]], 90);
        ExternalTool.Run("timeout", ["60", "tiffcp", "-c", "lzw:3", this["tf_hs_f32.tif"], this["cp_lzw3_f32.tif"]], 90);
    }

    public void Dispose() => Directory.Delete(Dir, true);
}
