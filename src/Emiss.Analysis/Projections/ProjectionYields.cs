using Emiss.Core.Constants;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Signal.AnalyticYield;
using Emiss.Signal.MonteCarloYield;

namespace Emiss.Analysis.Projections;

/// <summary>
/// Computes the yield tables of settings (docs/physics/projections.md#yield-tables): A′-strahlung from the analytic
/// primary track length or the shower Monte Carlo (one shower pass per beam energy for all masses and mediators), plus resonant annihilation — of the beam positron for an e⁺ beam,
/// of shower positrons for an e⁻ beam (Monte Carlo, only at masses whose resonance can reach the signal region).
/// Annihilation is modelled for the vector mediator only (the cross section of ResonantAnnihilationCrossSection is
/// the dark photon's); the other mediators get A′-strahlung alone.
/// </summary>
public static class ProjectionYields
{
    /// <summary>Masses within this factor below √(2 m_e E_cut) and above √(2 m_e E0) still get the shower-positron
    /// annihilation run: the Breit–Wigner (Γ/m ≈ 0.15 at α_D = 0.5) reaches that far.</summary>
    public const double AnnihilationWindowMargin = 1.25;

    /// <summary>Whether annihilation of shower positrons is evaluated at <paramref name="massMeV"/> for an e⁻ beam of
    /// <paramref name="beamGeV"/> with E_cut = <paramref name="fraction"/>·E0.</summary>
    public static bool InAnnihilationWindow(double massMeV, double beamGeV, double fraction)
    {
        double lo = Math.Sqrt(2 * PhysicalConstants.ElectronMassGeV * fraction * beamGeV) * 1e3 / AnnihilationWindowMargin;
        double hi = PrimaryPositronAnnihilationYield.ResonantMassGeV(beamGeV) * 1e3 * AnnihilationWindowMargin;
        return massMeV >= lo && massMeV <= hi;
    }

    /// <summary>The table of <paramref name="setting"/> under <paramref name="spec"/>.</summary>
    public static YieldTable Compute(ProjectionSetting setting, YieldSpec spec) => ComputeAll([setting], spec)[0];

    /// <summary>
    /// The tables of <paramref name="settings"/> under <paramref name="spec"/>. Everything that needs showers — Monte Carlo
    /// A′-strahlung and shower-positron annihilation of e⁻ beams — comes from one <see cref="MonteCarloYieldScan"/> per beam
    /// energy that scores every mass and mediator of those settings on the same showers; analytic yields run in parallel
    /// over masses. ETL models of all mediators share one cache of vector ETL passes.
    /// </summary>
    public static YieldTable[] ComputeAll(IReadOnlyList<ProjectionSetting> settings, YieldSpec spec)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Method == YieldMethod.MonteCarlo && settings.Any(s => s.Particle == BeamParticle.Positron))
            throw new NotSupportedException("the shower Monte Carlo starts showers from an electron; positron beams have the analytic yield only");
        var etl = new EtlSpectrumCache(settings.Select(s => s.Mediator));   // one ETL pass per (element, energy, mass) for all mediators
        IDarkProductionModel[] models = [.. settings.Select(s => DarkProductionModels.Create(s.Mediator, spec.Production, etl))];
        int nm = spec.MassesMeV.Count;
        var brem = new double[settings.Count][];
        var ann = new double[settings.Count][];
        for (int s = 0; s < settings.Count; s++) (brem[s], ann[s]) = (new double[nm], new double[nm]);

        foreach (IGrouping<double, int> beam in Enumerable.Range(0, settings.Count).Where(s => UsesShowers(settings[s], spec)).GroupBy(s => settings[s].EnergyGeV))
            ScoreOnShowers(settings, models, spec, [.. beam], brem, ann);

        var tables = new YieldTable[settings.Count];
        for (int s = 0; s < settings.Count; s++)
        {
            ProjectionSetting setting = settings[s];
            Energy e0 = Energy.FromGeV(setting.EnergyGeV);
            TrackLengthSignalYield? analytic = spec.Method == YieldMethod.Analytic
                ? new TrackLengthSignalYield(models[s], setting.Target, e0, spec.MissingEnergyMinFraction) : null;
            PrimaryPositronAnnihilationYield? primary = setting.Mediator == Mediator.Vector && setting.Particle == BeamParticle.Positron
                ? new PrimaryPositronAnnihilationYield(setting.Target, e0, spec.MissingEnergyMinFraction, spec.AlphaDark, spec.ChiMassRatio) : null;
            double[] b = brem[s], a = ann[s];
            Parallel.For(0, nm, i =>
            {
                Mass m = Mass.FromMeV(spec.MassesMeV[i]);
                if (analytic is not null) b[i] = analytic.PerElectronOnTargetAtEps1(m);
                if (primary is not null) a[i] = primary.PerElectronOnTargetAtEps1(m);
            });
            tables[s] = new YieldTable(YieldTableInputs.For(setting, spec), spec.MassesMeV.ToArray(), b, a, Describe(setting, spec, models[s], analytic, primary));
        }
        return tables;
    }

    /// <summary>Whether the table of <paramref name="setting"/> needs showers: Monte Carlo A′-strahlung, or annihilation of shower positrons.</summary>
    private static bool UsesShowers(ProjectionSetting setting, YieldSpec spec) =>
        setting.Particle == BeamParticle.Electron && (spec.Method == YieldMethod.MonteCarlo || ShowerAnnihilation(setting, spec));

    private static bool ShowerAnnihilation(ProjectionSetting setting, YieldSpec spec) =>
        spec.ShowerAnnihilation && setting.Particle == BeamParticle.Electron && setting.Mediator == Mediator.Vector;

    /// <summary>One shower pass at the common beam energy of <paramref name="group"/>, scoring every (setting, mass) point it needs into <paramref name="brem"/> and <paramref name="ann"/>.</summary>
    private static void ScoreOnShowers(IReadOnlyList<ProjectionSetting> settings, IDarkProductionModel[] models, YieldSpec spec, int[] group,
        double[][] brem, double[][] ann)
    {
        var points = new List<YieldScanPoint>();
        var slots = new List<(int Setting, int Mass)>();
        foreach (int s in group)
            for (int i = 0; i < spec.MassesMeV.Count; i++)
            {
                bool withAnnihilation = ShowerAnnihilation(settings[s], spec) && InAnnihilationWindow(spec.MassesMeV[i], settings[s].EnergyGeV, spec.MissingEnergyMinFraction);
                IDarkProductionModel? model = spec.Method == YieldMethod.MonteCarlo ? models[s] : null;
                if (model is null && !withAnnihilation) continue;
                Mass m = Mass.FromMeV(spec.MassesMeV[i]);
                points.Add(withAnnihilation ? YieldScanPoint.WithAnnihilation(model, m, spec.AlphaDark, spec.ChiMassRatio) : new YieldScanPoint(model, m));
                slots.Add((s, i));
            }
        if (points.Count == 0) return;
        YieldScanResult r = MonteCarloYieldScan.Run(points, spec.ShowerGeometry, Energy.FromGeV(settings[group[0]].EnergyGeV), spec.ShowerEvents, spec.Seed,
            spec.MissingEnergyMinFraction, Environment.ProcessorCount);
        for (int p = 0; p < points.Count; p++)
        {
            (int s, int i) = slots[p];
            brem[s][i] = r.Bremsstrahlung[p].Value;
            ann[s][i] = r.Annihilation[p].Value;
        }
    }

    private static string Describe(ProjectionSetting setting, YieldSpec spec, IDarkProductionModel model, TrackLengthSignalYield? analytic, PrimaryPositronAnnihilationYield? primary)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        string showers = string.Create(inv, $"{spec.ShowerEvents} showers of {spec.ShowerGeometry.Name} (seed {spec.Seed}) shared by every mass and mediator at {setting.EnergyGeV:G6} GeV");
        string s = analytic is not null
            ? $"A′-strahlung: {analytic.Name}"
            : $"A′-strahlung: shower-mc track-length scan/{model.Name}/f={spec.MissingEnergyMinFraction:G4}, {showers}";
        if (primary is not null) s += $"; resonant annihilation of the beam positron: {primary.Name} (shower positrons not counted)";
        else if (ShowerAnnihilation(setting, spec)) s += $"; resonant annihilation of shower positrons (track length in the same scan, {showers}), α_D = {spec.AlphaDark:G3}, m_χ = {spec.ChiMassRatio:G3} m_A′, " +
                                          $"at masses within ×{AnnihilationWindowMargin:G3} of √(2 m_e E_cut)–√(2 m_e E0)";
        else if (setting.Mediator != Mediator.Vector) s += "; no resonant annihilation (modelled for the vector mediator only)";
        else s += "; no resonant annihilation";
        return s;
    }
}
