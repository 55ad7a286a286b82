using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Emiss.Analysis.Injection;
using Emiss.Backgrounds.PseudoData;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;

namespace Emiss.Cli.Commands;

/// <summary>
/// <c>--inject-signal MASS_MeV,EPS</c> of <c>pseudodata</c> and <c>reproduce</c>: an A′ signal added to the pseudo-data
/// at the rate the limit's yield model gives for (m_A′, ε). The format and ε are checked at parse time, the mass against
/// the card's grid once the card is loaded; the value never reaches a public output (<see cref="SealedCommand"/>).
/// </summary>
internal static class InjectSignalOption
{
    public const string Name = "--inject-signal";

    public static Option<(double MassMeV, double Epsilon)?> Create() => new(Name)
    {
        Description = "Inject an A' signal at MASS_MeV,EPS (e.g. 16.7,2e-3): Poisson(EOT x yield x eps^2) signal events per run from the limit's yield model, " +
                      "simulated through the detector; recorded only in sealed/ (hidden while blind)",
        CustomParser = Parse,
    };

    private static (double, double)? Parse(ArgumentResult r)
    {
        string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
        string[] parts = text.Split(',');
        if (parts.Length != 2 || parts.Any(p => p.Trim().Length == 0))
        {
            r.AddError($"{Name}: '{text}' is not MASS_MeV,EPS (two numbers separated by one comma, '.' as decimal point); e.g. {Name} 16.7,2e-3");
            return null;
        }
        if (!InvariantNumber.TryParseDouble(parts[0].Trim(), out double m, out string problem) || !(m > 0))
        {
            r.AddError($"{Name}: mass {(problem.Length > 0 ? problem : $"'{parts[0]}' must be > 0")}; write the mass in MeV with '.' as decimal point, e.g. {Name} 16.7,2e-3");
            return null;
        }
        if (!InvariantNumber.TryParseDouble(parts[1].Trim(), out double eps, out problem) || !(eps > 0 && eps < 1))
        {
            r.AddError($"{Name}: epsilon {(problem.Length > 0 ? problem : $"'{parts[1]}' must lie in (0, 1)")}; " +
                       $"write MASS_MeV,EPS with '.' as decimal point (a decimal comma such as '1,5' reads as mass 1, epsilon 5), e.g. {Name} 16.7,2e-3");
            return null;
        }
        return (m, eps);
    }

    /// <summary>The injection for <paramref name="card"/>, or null when the option is absent.</summary>
    public static SignalInjection? Resolve((double MassMeV, double Epsilon)? value, LimitCard card)
    {
        if (value is not { } v) return null;
        InjectedSignalModel model;
        try
        {
            model = InjectedSignalModel.For(LimitCardRequest.From(card), v.MassMeV, v.Epsilon);
        }
        catch (ArgumentOutOfRangeException e)
        {
            string what = e.ParamName == "massMeV" ? string.Create(CultureInfo.InvariantCulture, $"mass {v.MassMeV:G6} MeV is ") : "epsilon ";
            throw new UserInputException(Name, what + e.Message.Split(" (Parameter")[0], "choose a mass inside the card's signal.massGridMeV");
        }
        return new SignalInjection(model.MassMeV, model.Epsilon, model.YieldPerEotAtEps1, model.YieldModel, model.EmissionDrawFor);
    }

    /// <summary>The command line for provenance with the injection's value replaced by "sealed": a public output must
    /// not reveal the injected signal.</summary>
    public static string SealedCommand(ParseResult pr)
    {
        ArgumentNullException.ThrowIfNull(pr);
        return "emiss " + string.Join(' ', Seal([.. pr.Tokens.Select(t => t.Value)]).Words);
    }

    /// <summary>
    /// <paramref name="words"/> with the injection's value replaced by "sealed", and that value (null without the option):
    /// a sharded run records the sealed words where anyone reads them (manifest, request) and the value apart, in the
    /// shard's sealed file, so that the merge can rebuild the run (<see cref="Unseal"/>).
    /// </summary>
    public static (IReadOnlyList<string> Words, string? Value) Seal(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var sealedWords = new List<string>(words.Count);
        string? value = null;
        bool hideNext = false;
        foreach (string w in words)
        {
            string shown = w;
            if (hideNext)
            {
                value = w;
                shown = SealedValue;
            }
            else if (w.StartsWith(Name + "=", StringComparison.Ordinal))
            {
                value = w[(Name.Length + 1)..];
                shown = Name + "=" + SealedValue;
            }
            hideNext = w == Name;
            sealedWords.Add(shown);
        }
        return (sealedWords, value);
    }

    /// <summary>The words of <see cref="Seal"/> with the sealed value put back (<paramref name="value"/> null: no injection).</summary>
    public static IReadOnlyList<string> Unseal(IReadOnlyList<string> words, string? value)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (value is null) return words;
        var open = new List<string>(words.Count);
        bool next = false;
        foreach (string w in words)
        {
            open.Add(next && w == SealedValue ? value : w == Name + "=" + SealedValue ? Name + "=" + value : w);
            next = w == Name;
        }
        return open;
    }

    private const string SealedValue = "sealed";
}
