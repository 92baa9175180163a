using BitMiracle.LibTiff.Classic;
using LibTiff = BitMiracle.LibTiff.Classic.Tiff;

namespace Coloc.IO.Tiff;

/// <summary>
/// LibTiff.NET's error handler is process-wide (<see cref="LibTiff.SetErrorHandler"/>) and its default writes to
/// stderr. This stateless handler is installed once and forwards every message to the <see cref="TiffMessages"/> of
/// the file it concerns (the <c>clientData</c> of <see cref="LibTiff.ClientOpen"/>); messages about anything else are
/// dropped, never printed.
/// </summary>
internal sealed class LibTiffMessageRouter : TiffErrorHandler
{
    private static readonly Lazy<bool> Installed = new(() =>
    {
        LibTiff.SetErrorHandler(new LibTiffMessageRouter());
        return true;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private LibTiffMessageRouter() { }

    /// <summary>Installs the router (idempotent, thread-safe).</summary>
    internal static void EnsureInstalled() => _ = Installed.Value;

    /// <inheritdoc/>
    public override void ErrorHandler(LibTiff tif, string method, string format, params object[] args) =>
        Sink(tif, null)?.AddError(method, format, args);

    /// <inheritdoc/>
    public override void ErrorHandlerExt(LibTiff tif, object clientData, string method, string format, params object[] args) =>
        Sink(tif, clientData)?.AddError(method, format, args);

    /// <inheritdoc/>
    public override void WarningHandler(LibTiff tif, string method, string format, params object[] args) =>
        Sink(tif, null)?.AddWarning(method, format, args);

    /// <inheritdoc/>
    public override void WarningHandlerExt(LibTiff tif, object clientData, string method, string format, params object[] args) =>
        Sink(tif, clientData)?.AddWarning(method, format, args);

    private static TiffMessages? Sink(LibTiff? tif, object? clientData)
    {
        if (clientData is TiffMessages m) return m;
        try
        {
            return tif?.Clientdata() as TiffMessages;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
