using Emiss.Core.IO;
using Emiss.Reporting.Plots;
using Emiss.Reporting.Report;

namespace Emiss.Reporting.Tests.Outputs;

/// <summary>
/// A complete analysis result for the output writers: two runs, a mass scan, per-source backgrounds with the seed's
/// Table I rows, a cut flow, efficiencies, a limit curve and an energy-plane sample. The numbers are made up (shaped
/// like the seed's), not a result: the tests check that the outputs carry exactly these inputs.
/// </summary>
internal static class OutputFixtures
{
    public static readonly double[] Masses = [1, 2, 5, 10, 16.7, 20, 50, 100, 200, 500, 900, 1000];

    public static Provenance Provenance { get; } = new("emiss reproduce --config na64-2016", 20160901UL, "name: na64-2016\nruns: [bgo, pbsc]\nnote: \"ε < 1e-3, <b>not html</b>\"\n");

    public static AnalysisResult Result(bool unblinded = true, double eotRelative = 0.0)
    {
        RunSummary[] runs = [new("bgo", 1.6e9), new("pbsc", 1.15e9)];
        var signal = new List<SignalYield>();
        var efficiencies = new List<EfficiencyRow>();
        foreach (RunSummary run in runs)
        {
            double pile = run.Name == "bgo" ? 0.92 : 0.93;
            foreach (double m in Masses)
            {
                // Production falls roughly as 1/m² (docs/physics/signal-yield.md); zero at the last mass, as above a threshold.
                double produced = m >= 1000 ? 0 : run.ElectronsOnTarget * 3.1e-5 / (1 + m * m / 400.0);
                double analysis = 0.8 - 0.0001 * m;
                EfficiencyFactor[] factors = [new("geometry", 0.97), new("analysis", analysis), new("V2", 0.96), new("HCAL", 0.94), new("pile-up", pile)];
                var row = new EfficiencyRow(run.Name, m, factors);
                efficiencies.Add(row);
                signal.Add(new SignalYield(run.Name, m, produced, row.Overall));
            }
        }
        BackgroundEstimate[] backgrounds =
        [
            new("bgo", "punch-through-photons", SeedTableRow.PunchThroughPhotons, 0.0004, 0.0002, 0.0001),
            new("bgo", "beam-hadron-srd-fake", SeedTableRow.HadronLoss, 0.004, 0.002, 0.001),
            new("bgo", "dimuon", SeedTableRow.DimuonMuonLoss, 0.003, 0.001, 0.001),
            new("bgo", "upstream-interactions", SeedTableRow.BeamlineInteractions, 0.018, 0.004, 0.005),
            new("bgo", "decays-in-flight", SeedTableRow.Decays, 0.017, 0.005, 0.004),
            new("bgo", "pile-up-decays", SeedTableRow.PileUp, 0.029, 0.008, 0.006),
            new("bgo", "target-interactions", SeedTableRow.TargetInteractions, 0.011, 0.003, 0.003),
            new("bgo", "low-energy-tail", SeedTableRow.NotInSeed, 0.002, 0.001, 0.002),
            new("pbsc", "punch-through-photons", SeedTableRow.PunchThroughPhotons, 0.0003, 0.0002, 0.0001),
            new("pbsc", "beam-hadron-srd-fake", SeedTableRow.HadronLoss, 0.003, 0.002, 0.001),
            new("pbsc", "dimuon", SeedTableRow.DimuonMuonLoss, 0.002, 0.001, 0.001),
            new("pbsc", "upstream-interactions", SeedTableRow.BeamlineInteractions, 0.013, 0.003, 0.004),
            new("pbsc", "decays-in-flight", SeedTableRow.Decays, 0.012, 0.004, 0.003),
            new("pbsc", "pile-up-decays", SeedTableRow.PileUp, 0.021, 0.006, 0.005),
            new("pbsc", "target-interactions", SeedTableRow.TargetInteractions, 0.008, 0.002, 0.002),
        ];
        ObservedCount[] observed = [new("bgo", 0), new("pbsc", 1)];
        LimitRow[] limit = Masses.Select(m => m >= 1000
            ? new LimitRow(m, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity)
            : new LimitRow(m, 1.1e-5 * Math.Sqrt(1 + m * m / 400.0), 1.0e-5 * Math.Sqrt(1 + m * m / 400.0),
                0.8e-5 * Math.Sqrt(1 + m * m / 400.0), 1.3e-5 * Math.Sqrt(1 + m * m / 400.0), 0.7e-5 * Math.Sqrt(1 + m * m / 400.0), 1.7e-5 * Math.Sqrt(1 + m * m / 400.0))).ToArray();
        var cutFlow = new List<CutFlowRow>();
        string[] cuts = ["trigger", "SRD", "angle", "shower shape", "V2", "box"];
        foreach (RunSummary run in runs)
            foreach (string sample in new[] { "data", "upstream-interactions", "signal-mA16.7MeV" })
            {
                double first = sample == "data" ? 3.1e5 : 1000;
                double n = first;
                for (int i = 0; i < cuts.Length; i++)
                {
                    if (sample == "data" && cuts[i] == "box") continue; // blind: the data's box count is not a cut-flow entry
                    n *= i == 0 ? 1 : 0.35 + 0.1 * i;
                    cutFlow.Add(new CutFlowRow(run.Name, sample, cuts[i], n, n / first));
                }
            }
        double[] gm = [1, 10, 30, 100, 300, 1000];
        var band = new CouplingBand("(g−2)_μ favoured ±2σ (test band)", gm, gm.Select(m => 1.5e-3 * Math.Max(1, m / 50)).ToArray(), gm.Select(m => 3.5e-3 * Math.Max(1, m / 50)).ToArray());
        ComparisonCurve[] comparisons = [new("BaBar 2017 (test curve)", [20, 100, 1000], [1e-3, 8e-4, 2e-3])];
        // A scalar limit 1.5 times weaker (the seed's "approximately 1.5", PRL 118, 011802), its band a little lower than the vector's.
        LimitRow[] scalarLimit = [.. limit.Select(l => new LimitRow(l.MassMeV, 1.5 * l.Observed, 1.5 * l.ExpectedMedian, 1.5 * l.ExpectedMinus1Sigma, 1.5 * l.ExpectedPlus1Sigma,
            1.5 * l.ExpectedMinus2Sigma, 1.5 * l.ExpectedPlus2Sigma))];
        var scalarBand = band with { Label = "(g−2)_μ favoured ±2σ (test band, scalar)", Lower = [.. band.Lower.Select(v => 0.8 * v)], Upper = [.. band.Upper.Select(v => 0.8 * v)] };
        return new AnalysisResult("NA64 2016 invisible A′ search (test inputs)", runs, signal, backgrounds, observed, new Systematics(0.19, eotRelative),
            limit, cutFlow, efficiencies, Plane() with { BoxObserved = unblinded ? 1 : null }, band, comparisons,
            unblinded ? new UnblindingEntry("analyst <a@b>", "2026-12-02T12:00:00Z", "cuts frozen after the sideband check", "sha256:0f3a9c") : null)
        {
            Mediator = "vector",
            GMinus2 = new GMinus2Statement("the (g−2)μ favoured band (±2σ) is excluded for m_A′ ≤ 16.7 MeV (test statement <i>not html</i>)", 16.7,
                "the (g−2)μ favoured band (±2σ) is excluded for m_A′ ≤ 25.1 MeV (test era statement)", 25.1),
            LimitCaption = "test inputs: n_obs = 1, b = 0.14\nyield: test",
            OtherMediators =
            [
                new MediatorLimit("scalar", scalarLimit, scalarBand, new GMinus2Statement("the (g−2)μ favoured band is not excluded at the lowest scanned mass (test)", null), [],
                    "test inputs, scalar"),
                // A pseudoscalar without a band: its one-loop Δa_μ is negative (Leveille 1978).
                new MediatorLimit("pseudoscalar", [.. scalarLimit.Select(l => l with { Observed = 1.1 * l.Observed })], null,
                    new GMinus2Statement("no (g−2)μ favoured band (test)", null), [], "test inputs, pseudoscalar"),
            ],
            // The vector limit in the dark-matter plane at α_D = 0.5, m_A′ = 3 m_χ: y = ε² · 0.5 / 81 (test inputs).
            DarkMatter = new DarkMatterLimit(0.5, 1.0 / 3, [.. limit.Select(l => new LimitRow(l.MassMeV / 3, Y(l.Observed), Y(l.ExpectedMedian), Y(l.ExpectedMinus1Sigma),
                Y(l.ExpectedPlus1Sigma), Y(l.ExpectedMinus2Sigma), Y(l.ExpectedPlus2Sigma)))]),
        };
    }

    private static EnergyPlane Plane()
    {
        // A deterministic cloud: the beam peak at 100 GeV shared between ECAL and HCAL, a dimuon island at E_HCAL ≈ 10 GeV.
        const int n = 3000;
        double[] ecal = new double[n], hcal = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = Fraction(i * 0.6180339887), v = Fraction(i * 0.7548776662);
            ecal[i] = i % 10 == 0 ? 60 + 30 * u : 100 * u;
            hcal[i] = i % 10 == 0 ? 8 + 4 * v : Math.Max(0, 100 - ecal[i] - 5 * v);
        }
        double[] ecalAfter = [.. Enumerable.Range(0, 40).Select(i => 55 + 40 * Fraction(i * 0.618))];
        double[] hcalAfter = [.. Enumerable.Range(0, 40).Select(i => 2 + 30 * Fraction(i * 0.7548))];
        return new EnergyPlane(ecal, hcal, ecalAfter, hcalAfter, new EnergyRegion("signal box", 0, 50, 0, 1),
            [new EnergyRegion("A", 0, 50, 1, 100), new EnergyRegion("C", 50, 100, 0, 1)]);
    }

    private static double Y(double epsilon) => epsilon * epsilon * 0.5 / 81;

    private static double Fraction(double x) => x - Math.Floor(x);
}
