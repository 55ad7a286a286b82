using System.Globalization;
using Emiss.Analysis.Limits;
using Emiss.Cli.RunCards;
using Spectre.Console;

namespace Emiss.Cli.Commands;

/// <summary><c>limit --from DIR</c>: the card's (published) inputs and the derived ones side by side, with the limits they give.</summary>
internal static class LimitComparison
{
    private static readonly double[] Masses = [1, 10, 100, 1000];

    public static void Print(LimitCard card, LimitResult cardResult, LimitCard derived, LimitResult derivedResult)
    {
        var t = new Table().AddColumns("quantity", "card inputs", "derived inputs");
        t.AddRow("source", Markup.Escape(card.InputSource), Markup.Escape(derived.InputSource));
        t.AddRow("EOT", F(card.Runs.Sum(r => r.ElectronsOnTarget)), F(derived.Runs.Sum(r => r.ElectronsOnTarget)));
        t.AddRow("expected background", F(card.Statistics.ExpectedBackground), F(derived.Statistics.ExpectedBackground));
        t.AddRow("observed events", F(card.Statistics.ObservedEvents), F(derived.Statistics.ObservedEvents));
        foreach (double m in Masses)
        {
            ExclusionPoint? a = Nearest(cardResult, m), b = Nearest(derivedResult, m);
            if (a is null || b is null) continue;
            t.AddRow($"efficiency at {F(a.MassMeV)} MeV", F(a.Efficiency), F(b.Efficiency));
            t.AddRow($"ε₉₀ at {F(a.MassMeV)} MeV", F(a.Eps90), F(b.Eps90));
        }
        // Why the limits differ: ε90 = √(N90/S1), S1 = EOT · efficiency · yield (LimitDifference).
        double eotCard = card.Runs.Sum(r => r.ElectronsOnTarget), eotDerived = derived.Runs.Sum(r => r.ElectronsOnTarget);
        t.AddRow("count limit N₉₀", F(cardResult.Scan.SignalLimit.Observed), F(derivedResult.Scan.SignalLimit.Observed));
        foreach (double m in Masses)
        {
            if (cardResult.Scan.Points.Count == 0 || derivedResult.Scan.Points.Count == 0) break;
            LimitDifference d = LimitDifference.At(cardResult, eotCard, derivedResult, eotDerived, m);
            t.AddRow($"ε₉₀ derived/card at {F(d.MassMeV)} MeV", "",
                     $"{F(d.Eps90Ratio)} = √EOT {F(d.ExposureFactor)} × √eff {F(d.EfficiencyFactor)} × √yield {F(d.YieldFactor)} × √N₉₀ {F(d.CountLimitFactor)}");
        }
        t.AddRow("g−2", Markup.Escape(GMinus2Exclusion.Describe(cardResult)), Markup.Escape(GMinus2Exclusion.Describe(derivedResult)));
        AnsiConsole.Write(t);
    }

    private static ExclusionPoint? Nearest(LimitResult r, double m) =>
        r.Scan.Points.Count == 0 ? null : r.Scan.Points.MinBy(p => Math.Abs(Math.Log(p.MassMeV / m)));

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
