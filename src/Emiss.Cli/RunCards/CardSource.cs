namespace Emiss.Cli.RunCards;

/// <summary>
/// Where a kind of card comes from: embedded YAML resources under a prefix (e.g. Cards/*.yaml,
/// Setups/*.yaml), or a user file named on the option.
/// </summary>
/// <param name="ResourcePrefix">Manifest-resource prefix of the embedded cards.</param>
/// <param name="Option">The command-line option that names the card, for error messages.</param>
/// <param name="Noun">What an embedded card is called in messages, e.g. "embedded card".</param>
internal sealed record CardSource(string ResourcePrefix, string Option, string Noun)
{
    /// <summary>Run cards of <c>emiss limit</c> and <c>emiss config</c>.</summary>
    public static CardSource RunCard { get; } = new("Emiss.Cli.Cards.", "--config", "embedded card");

    /// <summary>Detector set-up cards of <c>emiss simulate</c>.</summary>
    public static CardSource Setup { get; } = new("Emiss.Cli.Setups.", "--setup", "built-in set-up");

    /// <summary>Names of the embedded cards of this kind.</summary>
    public IReadOnlyList<string> EmbeddedNames => typeof(CardSource).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToArray();
}
