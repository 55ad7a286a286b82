using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Physics.Photonuclear;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// A beam π⁻ mis-tagged as an electron by a knock-on electron in the SRD that undergoes charge exchange π⁻A → π⁰X
/// within the first nuclear interaction length of the ECAL: the forward π⁰ takes nearly all the energy and its two
/// photons shower like an electron, the recoil neutron is soft (docs/physics/hadron-response.md#charge-exchange).
/// Rate per EOT = (π⁻/beam)/(e⁻/beam) × P_knock-on × P_cex, with P_cex = (1 − e^(−1)) λ_I Σ_j n_j σ_cex,j the
/// probability that the first interaction happens within 1 λ_I and is a charge exchange (σ_cex from
/// <see cref="PionChargeExchange"/>, on Pb and on the scintillator's carbon and hydrogen). Every generated event
/// carries the forced tag and the forced exchange (weight 1: the forcing is in the rate); ±30 % (the seed's).
/// The π⁰ is placed at the ECAL face (the seam's convention): the real interaction depth, ≤ 1 λ_I, and the π⁻'s
/// ionisation before it are not modelled.
/// </summary>
public sealed class ChargeExchangeSource : IBackgroundSource
{
    /// <inheritdoc />
    public string Name => "charge-exchange";

    /// <inheritdoc />
    public TrueProcess Process => TrueProcess.ChargeExchange;

    /// <inheritdoc />
    public string TableRow => "μ, π, K interactions in the target";

    /// <summary>Probability that a π⁻ of momentum <paramref name="pGeV"/> charge-exchanges within the first λ_I of the
    /// ECAL stack of <paramref name="model"/>.</summary>
    public static double ExchangeProbability(DetectorModel model, double pGeV)
    {
        ArgumentNullException.ThrowIfNull(model);
        var e = model.Card.Ecal;
        (Material m, double t)[] layers = [(MaterialCatalog.ByName(e.AbsorberMaterial), e.LeadThicknessCm), (MaterialCatalog.ByName(e.ActiveMaterial), e.ScintillatorThicknessCm)];
        double total = e.LeadThicknessCm + e.ScintillatorThicknessCm, perCm = 0, invLambda = 0;
        foreach ((Material m, double t) in layers)
        {
            invLambda += t / total / m.NuclearInteractionLengthCm;
            foreach (ElementComponent el in m.Elements)
                perCm += m.AtomDensityPerCm3(el) * t / total * PionChargeExchange.NuclearMillibarn(el.AGramsPerMol, el.Z, pGeV) * 1e-27;
        }
        return (1 - Math.Exp(-1)) * perCm / invLambda;
    }

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = model.Card.Beam.Composition;
        double electrons = c.ElectronFraction;
        double tag = model.SrdFakeTag.Probability;
        double p = ExchangeProbability(model, model.Card.Beam.EnergyGeV);
        return new SourceRate(c.PionFraction / electrons * tag * p, 0.3,
            $"({c.PionFraction:G3} π⁻/beam) / ({electrons:G4} e⁻/beam) × {tag:G3} SRD fake tag (knock-on or noise) × {p:G3} charge exchange in the first λ_I; ±30 % (the seed's)");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased) => new Exchange();

    private sealed class Exchange : IEventPhysics
    {
        public TrueProcess Process => TrueProcess.ChargeExchange;

        public DetectorSpecies Primary => DetectorSpecies.PionMinus;

        public bool TransportsPrimary => true;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            model.SrdFakeTag.Transport(record.Primary, ref rng, record);
            if (record.ArrivalCount == 0 || record.ArrivalKind[0] != DetectorSpecies.PionMinus) return 1.0;
            double e = record.ArrivalEnergyGeV[0], x = record.ArrivalXCm[0], y = record.ArrivalYCm[0];
            (FinalStateParticle pi0, double tn) = PionChargeExchange.Sample(e, ref rng);
            (FinalStateParticle g1, FinalStateParticle g2) = TwoBodyDecay.Isotropic(pi0, 22, 0, 22, 0, ref rng);
            record.SetArrival(0, DetectorSpecies.Photon, g1.E, x, y);
            record.AddArrival(DetectorSpecies.Photon, g2.E, x, y);
            record.AddArrival(DetectorSpecies.Neutron, ParticleProperties.MassGeV(DetectorSpecies.Neutron) + tn, x, y);
            return 1.0;
        }
    }
}
