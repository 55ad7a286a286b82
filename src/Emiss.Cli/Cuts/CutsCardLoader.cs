using Emiss.Backgrounds.PseudoData;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Events.Selection;

namespace Emiss.Cli.Cuts;

/// <summary>
/// Loads a cut card (<see cref="SelectionCuts"/>): a built-in card by name (Cuts/*.yaml, default
/// <see cref="Default"/>) or a .yaml/.json file. Unknown keys, missing values and invalid values are errors that
/// name the key and its line.
/// </summary>
internal static class CutsCardLoader
{
    /// <summary>Name of the built-in card of the seed's selection.</summary>
    public const string Default = "na64-2016";

    /// <summary>Where cut cards come from.</summary>
    public static CardSource Source { get; } = new("Emiss.Cli.Cuts.", "--cuts", "built-in cut card");

    /// <summary>Loads and validates a card that will select pseudo-data (<c>pseudodata</c>, <c>study seeds</c>,
    /// <c>reproduce</c>): also refuses a cut (ii) below the pseudo-data's fake-tag threshold (<see cref="FakeTagCutCheck"/>).</summary>
    public static SelectionCuts LoadForPseudoData(string nameOrPath)
    {
        SelectionCuts cuts = Load(nameOrPath);
        if (FakeTagCutCheck.Problem(cuts) is { } problem)
            throw new UserInputException("--cuts", problem, "use a cut card with srd.minMeV ≥ 3");
        return cuts;
    }

    /// <summary>Loads and validates the card.</summary>
    public static SelectionCuts Load(string nameOrPath)
    {
        var (node, source, lines) = CardLoader.ReadJson(nameOrPath, Source);
        SelectionCuts cuts;
        try
        {
            cuts = StrictJsonBinder.Bind<SelectionCuts>(node, source);
        }
        catch (RunCardException e)
        {
            throw lines.Locate(e);
        }
        IReadOnlyList<string> problems = cuts.Validate();
        if (problems.Count > 0)
            throw lines.Locate(new RunCardException(string.Join("\n", problems.Select(p => $"{source}: cut card error at $.{p}"))));
        return cuts;
    }
}
