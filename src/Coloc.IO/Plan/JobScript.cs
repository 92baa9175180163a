namespace Coloc.IO.Plan;

/// <summary>One emitted file.</summary>
/// <param name="FileName">Name inside <c>PLAN_DIR/jobs</c>.</param>
/// <param name="Text">Content (LF line ends).</param>
/// <param name="Executable">True for scripts the user runs directly (<c>submit.sh</c>, <c>resubmit-missing.sh</c>).</param>
public sealed record JobScript(string FileName, string Text, bool Executable);
