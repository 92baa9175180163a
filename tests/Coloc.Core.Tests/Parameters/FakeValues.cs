using Coloc.Core.Parameters;

namespace Coloc.Core.Tests.Parameters;

/// <summary>Values as a front would give them: by flag (channel base 0) or by macro key (channel base 1).</summary>
internal sealed class FakeValues(bool fiji, params (string Name, string Value)[] given) : IParameterValues
{
    public int ChannelBase => fiji ? 1 : 0;

    private bool OnThisFront(ParameterSpec p) => fiji ? p.Key is not null : p.Flag is not null;

    public bool Given(ParameterSpec p) => OnThisFront(p) && given.Any(g => g.Name == (fiji ? p.Key : p.Flag));

    public string? Text(ParameterSpec p) =>
        !OnThisFront(p) ? null : given.Where(g => g.Name == (fiji ? p.Key : p.Flag)).Select(g => g.Value).FirstOrDefault() ?? (fiji ? p.KeyDefault ?? p.Default : p.Default);

    public IReadOnlyList<string> Texts(ParameterSpec p) => [];
}
