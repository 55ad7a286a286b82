using System.Globalization;
using Emiss.Analysis.Limits;
using Emiss.Cli.RunCards;
using Emiss.Core.IO;
using Emiss.Reporting.Plots;
using Emiss.Reporting.Tables;
using Spectre.Console;

namespace Emiss.Cli.Commands;

/// <summary>Writes and summarises the outputs of <c>emiss limit</c>.</summary>
internal static class LimitOutputs
{
    /// <summary>limit.csv columns; the first two are the contract, the rest extend it.</summary>
    public static readonly string[] Columns =
    [
        "mA_MeV", "eps90",
        "eps90_exp_median", "eps90_exp_minus1sigma", "eps90_exp_plus1sigma", "eps90_exp_minus2sigma", "eps90_exp_plus2sigma",
        "eps90_with_syst", "n_per_eot_eps1", "efficiency", "signal_events_eps1",
        "gm2_eps_lower", "gm2_eps_central", "gm2_eps_upper",
    ];

    /// <summary>The yield note of every output; for the primary-electron bound it points to the shower yield.</summary>
    public static string YieldNote(LimitLabels labels) =>
        $"yield model: {labels.Yield}" + (labels.YieldIsPrimaryElectronBound ? "; run with --yield monte-carlo for the shower yield" : "");

    /// <summary>The figure caption: the given inputs and the yield model.</summary>
    public static string Caption(LimitLabels labels) =>
        labels.InputsShort + "\n" + labels.YieldShort + (labels.YieldIsPrimaryElectronBound ? "; --yield monte-carlo for the shower yield" : "");

    /// <summary>Every file <see cref="Write"/> creates (a directory holding only these may be replaced).</summary>
    public static readonly string[] FileNames = ["limit.csv", "limit.png", "limit.svg", "limit.pdf", "run.yaml"];

    /// <summary>Writes limit.csv, the figure and run.yaml into the existing directory <paramref name="outDir"/>.</summary>
    public static void Write(string outDir, LimitCard card, LimitResult run, Provenance provenance)
    {
        IReadOnlyList<ExclusionPoint> pts = run.Scan.Points;
        WriteCsv(Path.Combine(outDir, "limit.csv"), run, provenance);

        double[] mass = pts.Select(p => p.MassMeV).ToArray();
        string cl = (card.Statistics.ConfidenceLevel * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var data = new ExclusionPlotData(
            Title: $"{card.Name}: {card.Signal.Mediator} A′ → invisible, {card.Signal.Production.ToUpperInvariant()} yield, " +
                   $"{card.Runs.Sum(r => r.ElectronsOnTarget):0.##E+0} EOT",
            MassMeV: mass,
            Observed: pts.Select(p => p.Eps90).ToArray(),
            ConfidenceLevel: card.Statistics.ConfidenceLevel,
            Expected: new ExpectedBands(
                pts.Select(p => p.Expected.Median).ToArray(),
                pts.Select(p => p.Expected.Minus1Sigma).ToArray(), pts.Select(p => p.Expected.Plus1Sigma).ToArray(),
                pts.Select(p => p.Expected.Minus2Sigma).ToArray(), pts.Select(p => p.Expected.Plus2Sigma).ToArray()),
            FavouredBand: run.Band.Exists ? new CouplingBand(card.GMinus2.Label, mass, run.Band.Lower!, run.Band.Upper!, run.Band.Central) : null,
            Comparisons: [new ComparisonCurve($"{cl}% CL with {card.Statistics.SignalYieldRelativeUncertainty:P0} yield syst.", mass,
                pts.Select(p => p.Eps90WithSystematics).ToArray())],
            Caption: Caption(run.Labels));
        ExclusionPlot.Write(data, provenance, Path.Combine(outDir, "limit"));
        AtomicFile.WriteText(Path.Combine(outDir, "run.yaml"), provenance.ToCommentBlock() + CardLoader.ToYaml(card));
    }

    /// <summary>Writes a limit in the <see cref="Columns"/> of limit.csv to <paramref name="path"/>.</summary>
    public static void WriteCsv(string path, LimitResult run, Provenance provenance)
    {
        var rows = run.Scan.Points.Select((p, i) => (IReadOnlyList<object?>)
        [
            p.MassMeV, p.Eps90,
            p.Expected.Median, p.Expected.Minus1Sigma, p.Expected.Plus1Sigma, p.Expected.Minus2Sigma, p.Expected.Plus2Sigma,
            p.Eps90WithSystematics, p.YieldPerEotEps1, p.Efficiency, p.SignalAtEps1,
            run.Band.Lower?[i], run.Band.Central?[i], run.Band.Upper?[i],
        ]).ToList();
        CsvTableWriter.Write(path, provenance, Columns, rows);
    }

    public static void PrintSummary(LimitCard card, LimitResult run, string outDir, TimeSpan elapsed)
    {
        var table = new Table().AddColumns("m_A′ [[MeV]]", "n_A′/EOT (ε=1)", "eff", "ε₉₀", "ε₉₀ (syst)", "g−2 band (±2σ)");
        foreach (double m in new[] { 1.0, 10.0, 100.0, 400.0 })
        {
            int i = Nearest(run.Scan.Points, m);
            ExclusionPoint p = run.Scan.Points[i];
            table.AddRow(F(p.MassMeV, "G4"), F(p.YieldPerEotEps1, "0.000E+0"), F(p.Efficiency, "0.000"), F(p.Eps90, "0.000E+0"),
                F(p.Eps90WithSystematics, "0.000E+0"),
                run.Band.Exists ? $"{F(run.Band.Lower![i], "0.00E+0")} – {F(run.Band.Upper![i], "0.00E+0")}" : "none (Δa_μ < 0 for this mediator)");
        }
        AnsiConsole.Write(table);
        if (run.Band.Exists)
        {
            double? crossing = ExclusionCrossing.UpperMass(run.Scan.Points.Select(p => p.MassMeV).ToArray(),
                run.Scan.Points.Select(p => p.Eps90).ToArray(), run.Band.Lower!);
            AnsiConsole.MarkupLine(Markup.Escape(crossing is { } c
                ? $"g−2 favoured band (−2σ edge) excluded for m_A′ ≲ {c:0.#} MeV"
                : "g−2 favoured band not excluded at the lowest mass of the grid"));
        }
        AnsiConsole.MarkupLine(Markup.Escape($"N_up = {run.Scan.SignalLimit.Observed:0.###} ({run.Scan.SignalLimit.Convention})"));
        AnsiConsole.MarkupLine(Markup.Escape(run.Labels.Inputs));
        AnsiConsole.MarkupLine(Markup.Escape(YieldNote(run.Labels)));
        AnsiConsole.MarkupLine(Markup.Escape($"wrote {Path.Combine(outDir, "limit.csv")}, limit.png, limit.svg, limit.pdf, run.yaml in {elapsed.TotalSeconds:0.0} s"));
    }

    private static int Nearest(IReadOnlyList<ExclusionPoint> pts, double m)
    {
        int best = 0;
        for (int i = 1; i < pts.Count; i++)
            if (Math.Abs(Math.Log(pts[i].MassMeV / m)) < Math.Abs(Math.Log(pts[best].MassMeV / m))) best = i;
        return best;
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
