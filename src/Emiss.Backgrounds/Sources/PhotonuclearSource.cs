using Emiss.Backgrounds.Biasing;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Calorimetry;
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
/// in [k_min, E] instead of ∝ σ/k², biases the final state towards a leading K⁰_L (<see cref="FinalStateBias"/>) and
/// forces neutral hadrons to fly freely into the HCAL (<see cref="ForcedFreeFlight"/>), and returns the
/// product of the exact density ratios as weight: the signal box — every charged hadron ranged out in the ECAL, the
/// neutral ones through the HCAL — is then reached at 10⁻¹¹ per EOT with a controlled error
/// (docs/physics/hadron-biasing.md).
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
    public IEventPhysics CreateProcess(DetectorModel model, bool biased)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new Process_(EcalTarget(model), biased ? FinalStateBias.TowardsLeadingLongKaon : null, biased ? DepthBiasing(model) : null);
    }

    /// <summary>Neutral hadrons with less energy available for a shower (kinetic for nucleons) keep their true depth law:
    /// wherever they interact they cannot move E_HCAL across the signal box's 1 GeV edge by more than this, and forcing
    /// them deep would only spread the weights, GeV.</summary>
    public const double MinimumBiasedHadronGeV = 1.0;

    /// <summary>The first-interaction depth biasing of neutral hadrons: half of them fly freely to the front of one of the
    /// HCAL modules or out of the stack (equal shares), so that crossing the ECAL and the first HCAL modules without
    /// interacting — 16 λ_I, 10⁻⁷ — becomes an O(1) outcome.</summary>
    public static ForcedFreeFlight DepthBiasing(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var depths = model.Layout.Regions.Where(r => r.Kind == RegionKind.HcalModule).Select(r => r.LambdaStart).ToList();
        depths.Add(model.Layout.TotalLambda);
        return new ForcedFreeFlight(depths, 0.5);
    }

    private sealed class Process_(PhotonuclearTarget target, FinalStateBias? composition, ForcedFreeFlight? depth) : IEventPhysics
    {
        private readonly bool _biased = composition is not null;
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
            if (_biased)
            {
                k = MinimumPhotonGeV + (e - MinimumPhotonGeV) * rng.NextDouble();
                weight = target.EnergyDensity(k, MinimumPhotonGeV, e) * (e - MinimumPhotonGeV);
            }
            else
                k = target.SampleEnergy(MinimumPhotonGeV, e, ref rng);
            TargetNucleus nucleus = PickNucleus(k, ref rng);
            weight *= _generator.Generate(k, nucleus.A, nucleus.Z, composition, ref rng, _hadrons);
            double x = record.ArrivalXCm[0], y = record.ArrivalYCm[0];
            record.SetArrival(0, DetectorSpecies.Electron, e - k, x, y);
            foreach (FinalStateParticle h in _hadrons)
            {
                DetectorSpecies kind = ParticleProperties.FromPdg(h.Pdg)
                    ?? throw new InvalidOperationException($"photonuclear final state produced PDG {h.Pdg}, which the detector does not transport");
                int before = record.ArrivalCount;
                record.AddArrival(kind, h.E, x, y);
                // Only a recorded (a full record drops further arrivals), neutral and not soft hadron gets a biased depth.
                if (depth is null || record.ArrivalCount == before || ParticleProperties.Charge(kind) != 0 || !ParticleProperties.IsHadron(kind)) continue;
                double available = kind == DetectorSpecies.Neutron ? h.E - ParticleProperties.MassGeV(kind) : h.E;
                if (available < MinimumBiasedHadronGeV) continue;
                (double lambda, double w) = depth.Sample(ref rng);
                record.SetInteractionDepth(record.ArrivalCount - 1, lambda);
                weight *= w;
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
