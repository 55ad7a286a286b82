using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Limits;
using Emiss.Backgrounds.PseudoData;
using Emiss.Cli.Commands;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Physics.DarkProduction;
using Emiss.Reporting.Tables;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// The second mediator of <c>emiss reproduce</c>'s limit stage: the scalar next to the card's vector A′ (the seed quotes
/// the scalar bound as ≈ 1.5 times weaker, PRL 118, 011802). Same pseudo-data, background, observed count and
/// exposure; the scalar's own production cross section and its own signal efficiency, from signal MC drawn from the
/// scalar's A′ energy spectrum through the same detector and cuts (same events and seeds as <c>efficiency.csv</c>, so
/// the two efficiencies differ only by the spectrum).
/// </summary>
internal static class ReproduceLimits
{
    /// <summary>The mediator of the second limit.</summary>
    public const string Scalar = "scalar";

    /// <summary>The scalar limit, in the columns of <c>limit.csv</c>.</summary>
    public const string ScalarLimitFile = "limit-scalar.csv";

    /// <summary>The scalar signal efficiency, in the columns of <c>efficiency.csv</c>.</summary>
    public const string ScalarEfficiencyFile = "efficiency-scalar.csv";

    /// <summary>The scalar limit from the derived inputs of <paramref name="derived"/> (the card of the main limit);
    /// writes <see cref="ScalarEfficiencyFile"/> (unless the card is already scalar) and <see cref="ScalarLimitFile"/>;
    /// returns the card, the result, its provenance and the files written.</summary>
    public static (LimitCard Card, LimitResult Result, Provenance Provenance, string[] Files) Run(
        string outDir, LimitCard derived, LimitResult main, Provenance mainProvenance, IReadOnlyList<PseudoDataRun> runs, SelectionCuts cuts,
        long signalEvents, ulong seed, int threads)
    {
        if (derived.Signal.Mediator == Scalar)
        {
            WriteCsv(Path.Combine(outDir, ScalarLimitFile), main, mainProvenance);
            return (derived, main, mainProvenance, [ScalarLimitFile]);
        }
        IDarkProductionModel production = DarkProductionModels.Create(ModelNames.Mediator(Scalar), ModelNames.Approximation(derived.Signal.Production));
        var points = new List<SignalEfficiencyPoint>();
        foreach (PseudoDataRun run in runs)
            points.AddRange(SignalEfficiencyScan.Run(run.Name, run.Number, run.Card, cuts, production, ReproduceCommand.EfficiencyMassesMeV,
                derived.Signal.MissingEnergyMinFraction, signalEvents, seed, threads));
        var exposure = runs.Select(r => (r.Name, r.ElectronsOnTarget)).ToList();
        List<(double MassMeV, double Efficiency)> combined = Combined(points, exposure);
        if (combined.Any(c => !(c.Efficiency > 0)))
            throw new EmissInternalException($"{ScalarEfficiencyFile}: no scalar signal event passed the selection at m = " +
                $"{string.Join(", ", combined.Where(c => !(c.Efficiency > 0)).Select(c => c.MassMeV))} MeV; raise --signal-events or check the cuts");
        ReproduceOutputs.WriteEfficiency(Path.Combine(outDir, ScalarEfficiencyFile), mainProvenance.WithNotes("stage: limit (scalar signal efficiency)",
            $"production: {production.Description}"), points, exposure, combined);

        LimitCard card = derived with
        {
            Signal = derived.Signal with { Mediator = Scalar },
            Efficiency = new LimitCard.EfficiencySection([.. combined.Select(c => c.MassMeV)], [.. combined.Select(c => c.Efficiency)]),
            InputSource = derived.InputSource.Replace("efficiency.csv", ScalarEfficiencyFile + ", scalar A′ spectrum", StringComparison.Ordinal),
        };
        IReadOnlyList<string> problems = card.Validate();
        if (problems.Count > 0) throw new EmissInternalException("derived scalar limit inputs are invalid: " + string.Join("; ", problems));
        LimitResult result = LimitComputation.Run(LimitCardRequest.From(card));
        Provenance prov = new Provenance(mainProvenance.Command, seed, CardLoader.ToYaml(card)).WithNotes("stage: limit (derived inputs, scalar mediator)",
            $"production: {result.ProductionDescription}", $"yield: {result.Scan.YieldModel}", $"efficiency: {result.Scan.EfficiencySource}",
            $"eps90: {result.Scan.SignalLimit.Convention}", LimitOutputs.YieldNote(result.Labels), result.Labels.Inputs,
            "g-2: " + GMinus2Exclusion.Describe(result));
        WriteCsv(Path.Combine(outDir, ScalarLimitFile), result, prov);
        return (card, result, prov, [ScalarEfficiencyFile, ScalarLimitFile]);
    }

    /// <summary>EOT-weighted efficiency per mass (as the main limit's combination of the runs: Σ n_EOT,r·ε_r / Σ n_EOT,r).</summary>
    private static List<(double MassMeV, double Efficiency)> Combined(IReadOnlyList<SignalEfficiencyPoint> points, IReadOnlyList<(string Run, double Eot)> runs)
    {
        double total = runs.Sum(r => r.Eot);
        return [.. points.GroupBy(p => p.MassMeV).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(p => p.Efficiency * runs.First(r => r.Run == p.Run).Eot) / total))];
    }

    /// <summary>Writes a limit in the columns of <c>limit.csv</c> (<see cref="LimitOutputs.Columns"/>).</summary>
    private static void WriteCsv(string path, LimitResult run, Provenance provenance)
    {
        IReadOnlyList<ExclusionPoint> pts = run.Scan.Points;
        var rows = pts.Select((p, i) => (IReadOnlyList<object?>)
        [
            p.MassMeV, p.Eps90,
            p.Expected.Median, p.Expected.Minus1Sigma, p.Expected.Plus1Sigma, p.Expected.Minus2Sigma, p.Expected.Plus2Sigma,
            p.Eps90WithSystematics, p.YieldPerEotEps1, p.Efficiency, p.SignalAtEps1,
            run.Band.Lower?[i], run.Band.Central?[i], run.Band.Upper?[i],
        ]).ToList();
        if (rows.Count > 0 && rows[0].Count != LimitOutputs.Columns.Length)
            throw new EmissInternalException($"{path}: {rows[0].Count} values per row for {LimitOutputs.Columns.Length} columns of limit.csv");
        CsvTableWriter.Write(path, provenance, LimitOutputs.Columns, rows);
    }
}
