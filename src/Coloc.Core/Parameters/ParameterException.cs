namespace Coloc.Core.Parameters;

/// <summary>
/// A parameter value is malformed or inconsistent. Carries the declaration, so each front names the parameter the
/// way its user gave it (<c>--tol</c> on the command line, <c>tolerance</c> in Fiji); <see cref="Exception.Message"/>
/// uses the format-free <see cref="ParameterSpec.Name"/>.
/// </summary>
public sealed class ParameterException : ArgumentException
{
    /// <summary>
    /// A problem with <paramref name="parameter"/>'s value; <c>{0}</c>, <c>{1}</c>… in <paramref name="problem"/> stand for
    /// the names of <paramref name="mentioned"/> (e.g. <c>needs {0}</c>), rendered like the parameter's own name.
    /// </summary>
    public ParameterException(ParameterSpec parameter, string problem, params ParameterSpec[] mentioned)
        : base(Render(parameter, problem, mentioned, p => p.Name))
    {
        Parameter = parameter;
        Problem = problem;
        Mentioned = mentioned;
    }

    /// <summary>The parameter at fault.</summary>
    public ParameterSpec Parameter { get; }

    /// <summary>What is wrong, without the parameter's name (e.g. <c>values must be &gt; 0, got '1,0,1'</c>).</summary>
    public string Problem { get; }

    /// <summary>Other parameters the problem names (placeholders <c>{0}</c>, <c>{1}</c>… of <see cref="Problem"/>).</summary>
    public IReadOnlyList<ParameterSpec> Mentioned { get; }

    /// <summary>The one-line message with the parameter named by <paramref name="name"/> (e.g. its flag).</summary>
    public string MessageFor(Func<ParameterSpec, string?> name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Render(Parameter, Problem, Mentioned, p => name(p) ?? p.Name);
    }

    private static string Render(ParameterSpec parameter, string problem, IReadOnlyList<ParameterSpec> mentioned, Func<ParameterSpec, string> name)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ArgumentNullException.ThrowIfNull(problem);
        string text = problem;
        for (int i = 0; i < mentioned.Count; i++) text = text.Replace("{" + i + "}", name(mentioned[i]), StringComparison.Ordinal);
        return $"{name(parameter)}: {text}";
    }
}
