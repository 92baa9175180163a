namespace Coloc.Native.Jni;

/// <summary>Reports an engine's progress straight into a <see cref="ControlBlock"/> (synchronously, no JNI, any thread).</summary>
public sealed class ControlProgress : IProgress<double>
{
    private readonly ControlBlock _control;

    /// <summary>Reports into <paramref name="control"/>.</summary>
    public ControlProgress(ControlBlock control) => _control = control ?? throw new ArgumentNullException(nameof(control));

    /// <inheritdoc/>
    public void Report(double value) => _control.Report(value);
}
