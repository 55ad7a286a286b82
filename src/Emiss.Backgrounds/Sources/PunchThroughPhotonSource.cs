using Emiss.Backgrounds.Sources.PunchThrough;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Punch-through photons: the beam electron radiates in the ECAL a photon hard enough (k ≥ E_beam − 55 GeV) that the
/// ECAL keeps less than the signal box's 50 GeV, and the photon crosses the rest of the ECAL, V2 and the HCAL modules
/// without converting, Compton scattering or being absorbed by a nucleus — the seed's Table I row "loss of e⁻ energy due
/// to punch-through γs" (docs/physics/pseudo-data.md#punch-through-photons). Rate per EOT: R(E_beam) of
/// <see cref="PunchThroughYield"/>, Tsai's straggling and spectrum times exp(−∫μ dl) with the engine's cross sections —
/// about e^{−250}, so a pseudo-data run draws no event of it. The unbiased process draws (t, k) from the punch-through
/// density itself (every photon escapes, weight 1); the biased one draws the emission from the bremsstrahlung density
/// and forces the photon through with weight S(k, t)/R(E_beam) (mean R(E)/R(E_beam) for an electron of energy E).
/// Either way the electron keeps E − k at the ECAL face (its own shower and the softer photons it radiated before) and
/// the photon leaves nothing. The photon flies along the electron: its angle, ~m_e/E, and the nuclear form factor's cut
/// on the transverse momentum keep it inside the ECAL and the HCAL (the page gives the numbers).
/// </summary>
public sealed class PunchThroughPhotonSource : IBackgroundSource
{
    /// <summary>E_ECAL the hard photon may leave at most, GeV: the signal box's 50 GeV (seed) plus 5 GeV, about 8σ of the
    /// ECAL resolution there, so that no softer photon could smear into the box.</summary>
    public const double MaximumEcalGeV = 55.0;

    /// <summary>Relative uncertainty of the total photon cross section at 10–100 GeV assumed for the systematic: the
    /// rate scales as exp(−τ), so δσ/σ becomes a factor exp(±δ τ) (docs/physics/pair-production.md#cross-section).</summary>
    public const double CrossSectionUncertainty = 0.02;

    /// <inheritdoc />
    public string Name => "punch-through-photon";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.PunchThroughPhoton;

    /// <inheritdoc />
    public string TableRow => "loss of e⁻ energy due to punch-through γs";

    /// <summary>k_min for <paramref name="model"/>'s beam energy, GeV (at least 2 GeV: the photonuclear cross section's
    /// form holds above 1 GeV).</summary>
    public static double MinimumPhotonGeV(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Math.Max(2.0, model.Card.Beam.EnergyGeV - MaximumEcalGeV);
    }

    /// <summary>The yield along <paramref name="model"/>'s calorimeters, for electrons up to 1.2 E_beam (a beam too soft
    /// for any photon above k_min gets a table up to 1.5 k_min and a rate of 0).</summary>
    public static PunchThroughYield Yield(DetectorModel model)
    {
        double kMin = MinimumPhotonGeV(model);
        return new PunchThroughYield(PhotonPathAttenuation.ForDetector(model, kMin * 0.99, Math.Max(1.2 * model.Card.Beam.EnergyGeV, 1.5 * kMin)), kMin);
    }

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        PunchThroughYield y = Yield(model);
        double e0 = model.Card.Beam.EnergyGeV, kMin = y.MinimumPhotonGeV;
        double tau = y.Path.EcalPerX0(kMin) * y.Path.EcalDepthX0 + y.Path.Downstream(kMin);
        double r = y.PerElectron(e0);
        return new SourceRate(r, double.ExpM1(CrossSectionUncertainty * tau),
            $"∫dt ∫du ∫dy Tsai straggling g_bt(u) × spectrum (4/3 − 4/3y + y²)/y × exp(−a(k)(T − t) − τ(k)) for k ≥ {kMin:G4} GeV, " +
            $"T = {y.Path.EcalDepthX0:G4} X0, on-axis optical depth {tau:G4} at k_min (pair + Compton + photonuclear); " +
            $"±{CrossSectionUncertainty:P0} on σ_γ ⇒ factor exp(±{CrossSectionUncertainty * tau:G3})");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased)
    {
        ArgumentNullException.ThrowIfNull(model);
        PunchThroughYield y = Yield(model);
        return new Escape(y, biased ? y.PerElectron(model.Card.Beam.EnergyGeV) : double.NaN);
    }

    /// <summary><paramref name="rate"/> is R(E_beam) for the biased process, NaN for the unbiased one.</summary>
    private sealed class Escape(PunchThroughYield yield, double rate) : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.PunchThroughPhoton;

        public DetectorSpecies Primary => DetectorSpecies.Electron;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            // No shower in the ECAL (NaN), or no energy for a photon above k_min: the event is left as it is (the same
            // convention as the other ECAL sources).
            double e = EcalArrival.ElectronEnergyGeV(model, record);
            if (!(e > yield.MinimumPhotonGeV * 1.001)) return 1.0;
            double k, weight = 1.0;
            if (double.IsNaN(rate)) yield.SampleUnbiased(e, ref rng, out k, out _);
            else weight = yield.SampleBiased(e, ref rng, out k, out _) / rate;
            record.SetArrival(0, DetectorSpecies.Electron, e - k, record.ArrivalXCm[0], record.ArrivalYCm[0]);
            return weight;
        }
    }
}
