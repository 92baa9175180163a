namespace Coloc.Core.Matching;

/// <summary>
/// How many blobs of <see cref="Channel"/> are matched in every channel of <see cref="MatchedIn"/> (and possibly
/// in others too), e.g. channel-0 blobs matched both in channel 1 and in channel 2.
/// </summary>
/// <param name="Channel">The blobs' channel (0-based).</param>
/// <param name="MatchedIn">Two or more other channels, ascending.</param>
/// <param name="Blobs">Number of such blobs.</param>
public sealed record MultiPositiveSet(int Channel, IReadOnlyList<int> MatchedIn, int Blobs);
