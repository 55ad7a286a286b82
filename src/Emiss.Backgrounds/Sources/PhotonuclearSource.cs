using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Physics.Photonuclear;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Photonuclear reactions of shower photons in the ECAL (e⁻Z → e⁻ + hadrons through a real bremsstrahlung photon):
/// the electron keeps E − k and deposits it as an EM shower; the photon's energy k goes into hadrons (n, K⁰_L, π±,
/// K±, p, and π⁰ → γγ) that shower in the ECAL and HCAL with the hadronic response — so E_ECAL + E_HCAL ≈ E0 (the
/// seed's region II) and, when the hadrons leave little signal, E_ECAL ≪ E0 (docs/physics/photonuclear.md#background-source).
/// Rate per EOT: N = ∫_{k_min}^{E0} T_γ(k) X0 Σ_j n_j σ_γA,j(k) dk with Rossi's T_γ = 0.572 X0 E0/k² over the ECAL's
/// Pb/Sc mixture, k_min = 10 GeV (softer photons leave the electron ≥ 90 GeV in the ECAL, far from the box and the
/// sidebands). Processes at the ECAL face, as for the A′ (the seam's convention). The biased process draws k uniformly
/// in [k_min, E] instead of ∝ σ/k² and returns the exact density ratio as weight, which enhances the hard photons
/// that can reach the signal box.
/// </summary>
public sealed class PhotonuclearSource : IBackgroundSource
{
    /// <summary>Softest photon energy generated, GeV.</summary>
    public const double MinimumPhotonGeV = 10.0;

    /// <inheritdoc />
    public string Name => "photonuclear";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.Photonuclear;

    /// <inheritdoc />
    public string TableRow => "loss of hadrons from e⁻Z → e⁻ + hadrons";

    /// <summary>The ECAL's homogenised absorber/active mixture for <paramref name="model"/>.</summary>
    public static PhotonuclearTarget EcalTarget(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var e = model.Card.Ecal;
        return PhotonuclearTarget.FromLayers([
            (MaterialCatalog.ByName(e.AbsorberMaterial), e.LeadThicknessCm),
            (MaterialCatalog.ByName(e.ActiveMaterial), e.ScintillatorThicknessCm)]);
    }

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        double e0 = model.Card.Beam.EnergyGeV;
        if (e0 <= MinimumPhotonGeV) return new SourceRate(0, 0.15, $"beam energy {e0} GeV ≤ k_min = {MinimumPhotonGeV} GeV");
        PhotonuclearTarget t = EcalTarget(model);
        double n = t.ExpectedPerElectron(e0, MinimumPhotonGeV, e0);
        // ±15 %: Rossi approximation A vs the real shower (ionisation, LPM; ±3 % at the asymptote, more near E0) and
        // σ_γA (Geant4 form vs σ_γp·A^α: 1–4 %, the shadowing exponent ±0.02 ⇒ ±11 % for Pb).
        return new SourceRate(n, 0.15,
            $"∫ T_γ(k) X0 Σ n σ_γA dk over {MinimumPhotonGeV:G3}–{e0:G4} GeV, T_γ = 0.572 X0 E0/k² (Rossi A), σ_γA Geant4 form, ECAL {model.Card.Ecal.AbsorberMaterial}/{model.Card.Ecal.ActiveMaterial}; ±15 %");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased) => new Process_(EcalTarget(model), biased);

    private sealed class Process_(PhotonuclearTarget target, bool biased) : IEventPhysics
    {
        private readonly PhotonuclearFinalState _generator = new();
        private readonly List<FinalStateParticle> _hadrons = new(64);

        public TrueProcess Process => TrueProcess.Photonuclear;

        public DetectorSpecies Primary => DetectorSpecies.Electron;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            if (record.ArrivalCount == 0 || record.ArrivalKind[0] != DetectorSpecies.Electron) return 1.0;
            double e = record.ArrivalEnergyGeV[0];
            if (e <= MinimumPhotonGeV * 1.001) return 1.0; // a low-energy-tail electron without photons above k_min
            double k, weight = 1.0;
            if (biased)
            {
                k = MinimumPhotonGeV + (e - MinimumPhotonGeV) * rng.NextDouble();
                weight = target.EnergyDensity(k, MinimumPhotonGeV, e) * (e - MinimumPhotonGeV);
            }
            else
                k = target.SampleEnergy(MinimumPhotonGeV, e, ref rng);
            TargetNucleus nucleus = PickNucleus(k, ref rng);
            _generator.Generate(k, nucleus.A, nucleus.Z, ref rng, _hadrons);
            double x = record.ArrivalXCm[0], y = record.ArrivalYCm[0];
            record.SetArrival(0, DetectorSpecies.Electron, e - k, x, y);
            foreach (FinalStateParticle h in _hadrons)
            {
                DetectorSpecies kind = ParticleProperties.FromPdg(h.Pdg)
                    ?? throw new InvalidOperationException($"photonuclear final state produced PDG {h.Pdg}, which the detector does not transport");
                record.AddArrival(kind, h.E, x, y);
            }
            return weight;
        }

        /// <summary>The struck nucleus, with probability ∝ n_j σ_j(k).</summary>
        private TargetNucleus PickNucleus(double k, ref EventRng rng)
        {
            double u = rng.NextDouble() * target.InteractionsPerCm(k);
            foreach (TargetNucleus n in target.Nuclei)
            {
                u -= n.NucleiPerCm3 * PhotonuclearCrossSection.Millibarn(n.A, k) * 1e-27;
                if (u <= 0) return n;
            }
            return target.Nuclei[^1];
        }
    }
}
