using System.Runtime.InteropServices;
using Coloc.Core.Geometry;
using Coloc.Core.Parameters;
using Coloc.IO.Database;
using Coloc.Native.Jni;
using Coloc.Native.Options;
using Coloc.Native.Results;

namespace Coloc.Native.Exports;

/// <summary>JNI entry points over results databases (ABI <see cref="NativeAbi.Version"/>), under <see cref="ExportGuard"/>.</summary>
public static class DatabaseExports
{
    /// <summary>
    /// <c>static native double[] selectMatches(String options, int[] regionOffsetZyx, int[] regionShapeZyx)</c>:
    /// MagellanMapper's <c>select_matches</c> (<see cref="MatchDatabase.SelectMatches"/>) with the options of
    /// <see cref="CommandSpecs.Database"/> (channels required), for the whole image (both regions null) or the
    /// half-open box offset ≤ z,y,x &lt; offset + shape. Returns <see cref="MatchTable.FlattenStored"/> (database blob ids).
    /// </summary>
    [UnmanagedCallersOnly(EntryPoint = NativeAbi.Prefix + "selectMatches")]
    public static IntPtr SelectMatches(IntPtr env, IntPtr cls, IntPtr options, IntPtr regionOffsetZyx, IntPtr regionShapeZyx) =>
        ExportGuard.Run(env, e =>
        {
            var o = MacroOptions.Values(e.GetString(options), CommandSpecs.Database);
            string path = o.Get(DatabaseParameters.Database) ?? throw JavaException.Argument("database: no file given (database=[file])");
            if (!File.Exists(path)) throw JavaException.Argument($"database: {path}: file not found");
            var channels = o.Channels(DatabaseParameters.Channels) ?? throw JavaException.Argument("channels: give the channels to pair, 1-based (channels=[1,2])");
            Zyx? offset = Region(e, regionOffsetZyx, "region offset", 0);
            Zyx? shape = Region(e, regionShapeZyx, "region shape", 1);
            using var db = ClrDb.OpenReadOnly(path);
            var m = MatchDatabase.SelectMatches(db, channels, offset, shape, o.Get(DatabaseParameters.Experiment));
            return e.NewDoubleArray(MatchTable.FlattenStored(m));
        }, IntPtr.Zero);

    private static Zyx? Region(JniEnv e, IntPtr array, string what, int min)
    {
        if (array == IntPtr.Zero) return null;
        var v = e.GetInts(array);
        if (v.Length != 3) throw JavaException.Argument($"{what}: expected 3 values z,y,x, got {v.Length}");
        if (v.Any(x => x < min)) throw JavaException.Argument($"{what}: values must be >= {min}, got {string.Join(",", v)}");
        return new Zyx(v[0], v[1], v[2]);
    }
}
