using Emiss.Backgrounds.Biasing;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Events;
using Emiss.Physics.Muons;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Beam μ⁻ mis-tagged as an electron by a knock-on electron in the SRD or by SRD noise alone (the class of
/// <see cref="Emiss.Detector.BeamLine.SrdFakeTag"/>, the same as for beam hadrons; docs/physics/synchrotron-radiation.md#the-fake-tag-class), which
/// then radiates a photon of k &gt; 1 GeV in the ECAL lead, μZ → μZγ (Kelner–Kokoulin–Petrukhin bremsstrahlung,
/// docs/physics/muon-pairs.md#muon-bremsstrahlung). The photon showers in the ECAL; the muon carries E − k on, and fakes
/// missing energy where it escapes detection in the HCAL. Softer photons leave a plain minimum-ionising beam muon.
/// Rate per EOT = (μ/e of the beam) × P_knock-on × P(k &gt; 1 GeV in the ECAL lead) at the nominal beam energy; the
/// process forces both, so every event carries them (weight 1). Relative systematic 0.5: the knock-on probability.
/// The biased process also forces the muon's decay inside the calorimeter stack (<see cref="ForcedMuonDecay"/>), the way
/// it escapes detection in the HCAL.
/// </summary>
public sealed class MuonBremTargetSource : IBackgroundSource
{
    /// <summary>Lowest photon energy of the defining process, GeV.</summary>
    public const double MinPhotonGeV = 1.0;

    /// <inheritdoc />
    public string Name => "muon-brem-target";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.MuonBremTarget;

    /// <inheritdoc />
    public string TableRow => "μ, π, K interactions in the target";

    /// <summary>Probability that a muon of total energy E radiates k &gt; <paramref name="kMinGeV"/> in the ECAL's absorber:
    /// Σ n_i σ_i(k &gt; k_min) × depth (thin-target limit; the probability is ≪ 1).</summary>
    public static double RadiationProbability(SetupCard card, double eGeV, double kMinGeV)
    {
        ArgumentNullException.ThrowIfNull(card);
        AbsorberElement[] elements = DimuonSource.EcalAbsorber(card);
        double perCm = 0;
        foreach (AbsorberElement el in elements)
            perCm += el.AtomsPerCm3 * MuonBremsstrahlung.IntegratedCm2(eGeV, kMinGeV, eGeV, el.Z, el.A);
        return perCm * card.Ecal.DepthCm;
    }

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        SetupCard card = model.Card;
        var c = card.Beam.Composition;
        double p = model.SrdFakeTag.Probability;
        double brem = RadiationProbability(card, card.Beam.EnergyGeV, MinPhotonGeV);
        return new SourceRate(c.MuonFraction / c.ElectronFraction * p * brem, 0.5,
            $"({c.MuonFraction:G3} μ/beam) / ({c.ElectronFraction:G4} e⁻/beam) × {p:G3} SRD fake tag (knock-on or noise) × {brem:G3} P(k > {MinPhotonGeV:G2} GeV in the ECAL, KKP); ±50 % (knock-on probability)");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased)
    {
        ArgumentNullException.ThrowIfNull(model);
        AbsorberElement[] elements = DimuonSource.EcalAbsorber(model.Card);
        // One muon and no benchmark population to keep: half of the events forced.
        return new Radiation(elements, biased ? new ForcedMuonDecay(probability: 0.5, ownPathCm: ForcedMuonDecay.EcalFrontPathCm(model)) : null);
    }

    private sealed class Radiation(AbsorberElement[] elements, ForcedMuonDecay? decays) : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.MuonBremTarget;

        public DetectorSpecies Primary => DetectorSpecies.MuonMinus;

        public bool TransportsPrimary => true;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            model.SrdFakeTag.Transport(record.Primary, ref rng, record);
            if (record.ArrivalCount == 0 || record.ArrivalKind[0] != DetectorSpecies.MuonMinus) return 1.0;
            double e = record.ArrivalEnergyGeV[0];
            if (!(e > MinPhotonGeV + 2 * Core.Constants.PhysicalConstants.MuonMassGeV)) return 1.0;
            // Element ∝ n_i σ_i(k > k_min), then k from its dσ/dk.
            double total = 0;
            Span<double> w = stackalloc double[elements.Length];
            for (int i = 0; i < elements.Length; i++)
                total += w[i] = elements[i].AtomsPerCm3 * MuonBremsstrahlung.IntegratedCm2(e, MinPhotonGeV, e, elements[i].Z, elements[i].A);
            double pick = rng.NextDouble() * total;
            int j = 0;
            while (j < elements.Length - 1 && (pick -= w[j]) >= 0) j++;
            double k = MuonBremsstrahlung.SampleK(e, MinPhotonGeV, e, elements[j].Z, elements[j].A, ref rng);
            double x = record.ArrivalXCm[0], y = record.ArrivalYCm[0];
            record.SetArrival(0, DetectorSpecies.MuonMinus, e - k, x, y);
            record.AddArrival(DetectorSpecies.Photon, k, x, y);
            return decays?.Force(record, 0, 1, ref rng) ?? 1.0;
        }
    }
}
