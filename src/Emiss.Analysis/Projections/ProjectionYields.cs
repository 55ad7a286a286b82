using Emiss.Core.Constants;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;
using Emiss.Physics.YieldModels;
using Emiss.Signal.AnalyticYield;
using Emiss.Signal.MonteCarloYield;
using Emiss.Signal.Run;

namespace Emiss.Analysis.Projections;

/// <summary>
/// Computes the yield table of one setting (docs/physics/projections.md#yield-tables): A′-strahlung from the analytic
/// primary track length or the shower Monte Carlo, plus resonant annihilation — of the beam positron for an e⁺ beam,
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

    /// <summary>The table of <paramref name="setting"/> under <paramref name="spec"/>; masses run in parallel, each into its own slot.</summary>
    public static YieldTable Compute(ProjectionSetting setting, YieldSpec spec)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Method == YieldMethod.MonteCarlo && setting.Particle == BeamParticle.Positron)
            throw new NotSupportedException("the shower Monte Carlo starts showers from an electron; positron beams have the analytic yield only");
        IDarkProductionModel model = DarkProductionModels.Create(setting.Mediator, spec.Production);
        Energy beam = Energy.FromGeV(setting.EnergyGeV);
        ISignalYieldModel brem = spec.Method == YieldMethod.MonteCarlo
            ? new MonteCarloSignalYield(model, spec.ShowerGeometry, beam, spec.ShowerEvents, spec.Seed, spec.MissingEnergyMinFraction)
            : new TrackLengthSignalYield(model, setting.Target, beam, spec.MissingEnergyMinFraction);
        bool vector = setting.Mediator == Mediator.Vector;
        PrimaryPositronAnnihilationYield? primaryAnnihilation = vector && setting.Particle == BeamParticle.Positron
            ? new PrimaryPositronAnnihilationYield(setting.Target, beam, spec.MissingEnergyMinFraction, spec.AlphaDark, spec.ChiMassRatio)
            : null;
        MonteCarloSignalYield? showerAnnihilation = vector && setting.Particle == BeamParticle.Electron && spec.ShowerAnnihilation
            ? new MonteCarloSignalYield(model, spec.ShowerGeometry, beam, spec.ShowerEvents, spec.Seed, spec.MissingEnergyMinFraction,
                new SignalOptions { ResonantAnnihilation = true, AlphaDark = spec.AlphaDark, ChiMassRatio = spec.ChiMassRatio })
            : null;

        int n = spec.MassesMeV.Count;
        var b = new double[n];
        var a = new double[n];
        Parallel.For(0, n, i =>
        {
            Mass m = Mass.FromMeV(spec.MassesMeV[i]);
            b[i] = brem.PerElectronOnTargetAtEps1(m);
            if (primaryAnnihilation is not null) a[i] = primaryAnnihilation.PerElectronOnTargetAtEps1(m);
            else if (showerAnnihilation is not null && InAnnihilationWindow(spec.MassesMeV[i], setting.EnergyGeV, spec.MissingEnergyMinFraction))
                a[i] = showerAnnihilation.Run(m).EstimatorAnnihilation.Value;
        });
        return new YieldTable(YieldTableInputs.For(setting, spec), spec.MassesMeV.ToArray(), b, a, Describe(setting, spec, brem, primaryAnnihilation, showerAnnihilation));
    }

    private static string Describe(ProjectionSetting setting, YieldSpec spec, ISignalYieldModel brem, PrimaryPositronAnnihilationYield? primary, MonteCarloSignalYield? shower)
    {
        string s = $"A′-strahlung: {brem.Name}";
        if (primary is not null) s += $"; resonant annihilation of the beam positron: {primary.Name} (shower positrons not counted)";
        else if (shower is not null) s += $"; resonant annihilation of shower positrons: {shower.Name}, α_D = {spec.AlphaDark:G3}, m_χ = {spec.ChiMassRatio:G3} m_A′, " +
                                          $"at masses within ×{AnnihilationWindowMargin:G3} of √(2 m_e E_cut)–√(2 m_e E0)";
        else if (setting.Mediator != Mediator.Vector) s += "; no resonant annihilation (modelled for the vector mediator only)";
        else s += "; no resonant annihilation";
        return s;
    }
}
