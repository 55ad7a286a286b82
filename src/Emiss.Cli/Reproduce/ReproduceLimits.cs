using Emiss.Analysis.Efficiency;
using Emiss.Analysis.Limits;
using Emiss.Backgrounds.PseudoData;
using Emiss.Cli.Commands;
using Emiss.Cli.RunCards;
using Emiss.Core.Diagnostics;
using Emiss.Core.IO;
using Emiss.Events.Selection;
using Emiss.Physics.DarkProduction;

namespace Emiss.Cli.Reproduce;

/// <summary>
/// The limits of every mediator in <c>emiss reproduce</c>'s limit stage: beside the card's mediator (limit.csv), the
/// vector, scalar, pseudoscalar and axial hypotheses, each in <c>limit-&lt;mediator&gt;.csv</c> with the columns of
/// limit.csv (the card's own mediator there too, with the rows of limit.csv). Same pseudo-data, background, observed
/// count and exposure; each mediator's own production cross section and its own signal efficiency, from signal MC
/// drawn from that mediator's A′ energy spectrum through the same detector and cuts (same events and seeds as
/// <c>efficiency.csv</c>, so the efficiencies differ only by the spectrum): the spin-0 spectra go as x³/(1 − x) against the
/// vector's 1 − x + x²/3 (docs/physics/dark-production-iww.md#formula), which moves the fraction of A′ energies above
/// the E_ECAL &lt; 50 GeV box edge, so the vector efficiency cannot be reused. The seed quotes the
/// scalar bound as ≈ 1.5 times weaker than the vector one (PRL 118, 011802).
/// </summary>
internal static class ReproduceLimits
{
    /// <summary>A further mediator's limit: its card, result and provenance.</summary>
    public sealed record MediatorRun(string Mediator, LimitCard Card, LimitResult Result, Provenance Provenance)
    {
        public string LimitFile => LimitFileOf(Mediator);

        public string EfficiencyFile => EfficiencyFileOf(Mediator);
    }

    public static string LimitFileOf(string mediator) => $"limit-{mediator}.csv";

    public static string EfficiencyFileOf(string mediator) => $"efficiency-{mediator}.csv";

    /// <summary>Writes <c>limit-&lt;mediator&gt;.csv</c> for all four mediators (and <c>efficiency-&lt;mediator&gt;.csv</c>
    /// for the three that are not the card's); returns the three further limits in the order of
    /// <see cref="LimitCard.Mediators"/> and the files written.</summary>
    public static (IReadOnlyList<MediatorRun> Others, string[] Files) Run(
        string outDir, LimitCard derived, LimitResult main, Provenance mainProvenance, IReadOnlyList<PseudoDataRun> runs, SelectionCuts cuts,
        long signalEvents, ulong seed, int threads, EtlSpectrumCache etl)
    {
        string own = ModelNames.Word(ModelNames.Mediator(derived.Signal.Mediator));
        LimitOutputs.WriteCsv(Path.Combine(outDir, LimitFileOf(own)), main, mainProvenance);
        var files = new List<string> { LimitFileOf(own) };
        var others = new List<MediatorRun>();
        foreach (string mediator in LimitCard.Mediators.Where(m => m != own))
        {
            MediatorRun run = RunOne(mediator, outDir, derived, mainProvenance, runs, cuts, signalEvents, seed, threads, etl);
            others.Add(run);
            files.Add(run.EfficiencyFile);
            files.Add(run.LimitFile);
        }
        return (others, [.. files]);
    }

    private static MediatorRun RunOne(string mediator, string outDir, LimitCard derived, Provenance mainProvenance, IReadOnlyList<PseudoDataRun> runs,
                                      SelectionCuts cuts, long signalEvents, ulong seed, int threads, EtlSpectrumCache etl)
    {
        string effFile = EfficiencyFileOf(mediator);
        IDarkProductionModel production = DarkProductionModels.Create(ModelNames.Mediator(mediator), ModelNames.Approximation(derived.Signal.Production), etl);
        var points = new List<SignalEfficiencyPoint>();
        foreach (PseudoDataRun run in runs)
            points.AddRange(SignalEfficiencyScan.Run(run.Name, run.Number, run.Card, cuts, production, ReproduceCommand.EfficiencyMassesMeV,
                derived.Signal.MissingEnergyMinFraction, signalEvents, seed, threads));
        var exposure = runs.Select(r => (r.Name, r.ElectronsOnTarget)).ToList();
        List<(double MassMeV, double Efficiency)> combined = ReproduceOutputs.Combined(points, exposure);
        if (combined.Any(c => !(c.Efficiency > 0)))
            throw new EmissInternalException($"{effFile}: no {mediator} signal event passed the selection at m = " +
                $"{string.Join(", ", combined.Where(c => !(c.Efficiency > 0)).Select(c => c.MassMeV))} MeV; raise --signal-events or check the cuts");
        ReproduceOutputs.WriteEfficiency(Path.Combine(outDir, effFile), mainProvenance.WithNotes($"stage: limit ({mediator} signal efficiency)",
            $"production: {production.Description}"), points, exposure, combined);

        LimitCard card = derived with
        {
            Signal = derived.Signal with { Mediator = mediator },
            Efficiency = new LimitCard.EfficiencySection([.. combined.Select(c => c.MassMeV)], [.. combined.Select(c => c.Efficiency)]),
            InputSource = derived.InputSource.Replace("efficiency.csv", $"{effFile}, {mediator} A′ spectrum", StringComparison.Ordinal),
        };
        IReadOnlyList<string> problems = card.Validate();
        if (problems.Count > 0) throw new EmissInternalException($"derived {mediator} limit inputs are invalid: " + string.Join("; ", problems));
        LimitResult result = LimitComputation.Run(LimitCardRequest.From(card), etl);
        Provenance prov = new Provenance(mainProvenance.Command, seed, CardLoader.ToYaml(card)).WithNotes($"stage: limit (derived inputs, {mediator} mediator)",
            $"production: {result.ProductionDescription}", $"yield: {result.Scan.YieldModel}", $"efficiency: {result.Scan.EfficiencySource}",
            $"eps90: {result.Scan.SignalLimit.Convention}", LimitOutputs.YieldNote(result.Labels), result.Labels.Inputs,
            "g-2: " + GMinus2Exclusion.Describe(result));
        LimitOutputs.WriteCsv(Path.Combine(outDir, LimitFileOf(mediator)), result, prov);
        return new MediatorRun(mediator, card, result, prov);
    }
}
