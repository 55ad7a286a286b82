using Emiss.Backgrounds.Biasing;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;
using Emiss.Physics.Photonuclear;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Beam π⁻ or K⁻ mis-tagged as a 100 GeV electron: a knock-on electron from the beam-line material upstream of the SRD
/// hits the SRD or radiates into it, or the SRD's noise alone reaches the tag threshold (the event class of
/// <see cref="SrdFakeTag"/>; the seed quotes an SRD hadron suppression ≃ 10³,
/// docs/physics/synchrotron-radiation.md#the-fake-tag-class).
/// The hadron then interacts in the ECAL — the active target — or crosses it: these events populate the regions around
/// the signal box (E_ECAL + E_HCAL ≈ 100 GeV, the seed's region II, and sideband A). The process draws the hadron's
/// first nuclear interaction itself: in the ECAL, a fraction of the interactions gives a leading K⁰_L
/// (<see cref="LeadingNeutralKaon"/>), which takes its share of the energy deep into the HCAL or out of it while the
/// rest of the final state showers where the interaction happened — the way such a hadron reaches the signal box
/// (docs/physics/hadron-response.md#leading-neutral-kaon). Rate per EOT = (hadron fraction of the beam) × P(fake-tag
/// class); the process transports the hadron once, conditioned on the class (weight 1: the forcing is in the rate).
/// The biased process serves the box alone (<see cref="BiasesSignalBoxOnly"/>): half of its events take the leading-K⁰_L
/// channel in the ECAL with a hard share, and their neutral hadrons fly freely to the HCAL module fronts or out of the
/// stack (<see cref="ForcedFreeFlight"/>), all with exact weights (docs/physics/hadron-biasing.md#mis-tagged-beam-hadrons).
/// </summary>
public sealed class BeamHadronSrdFakeSource : IBackgroundSource
{
    private readonly DetectorSpecies _species;

    /// <summary>Creates the source for beam π⁻ (<see cref="DetectorSpecies.PionMinus"/>) or K⁻.</summary>
    public BeamHadronSrdFakeSource(DetectorSpecies species)
    {
        if (species is not (DetectorSpecies.PionMinus or DetectorSpecies.KaonMinus))
            throw new ArgumentOutOfRangeException(nameof(species), species, "beam hadrons are π⁻ or K⁻");
        _species = species;
    }

    /// <inheritdoc />
    public string Name => _species == DetectorSpecies.PionMinus ? "pion-srd-fake" : "kaon-srd-fake";

    /// <inheritdoc />
    public TrueProcess Process => _species == DetectorSpecies.PionMinus ? TrueProcess.BeamPion : TrueProcess.BeamKaon;

    /// <inheritdoc />
    public string TableRow => "μ, π, K interactions in the target (mis-tagged beam hadrons; regions II/III, sideband A)";

    /// <inheritdoc />
    public bool BiasesSignalBoxOnly => true;

    /// <summary>Probability that the hadron's first interaction, when it happens in the ECAL, gives a leading K⁰_L.</summary>
    public double LongKaonProbability => LeadingNeutralKaon.LongKaonProbability(ParticleProperties.PdgCode(_species));

    /// <inheritdoc />
    public SourceRate RatePerEot(DetectorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var c = model.Card.Beam.Composition;
        double fraction = _species == DetectorSpecies.PionMinus ? c.PionFraction : c.KaonFraction;
        double electrons = 1 - c.PionFraction - c.KaonFraction - c.MuonFraction;
        SrdFakeTag tag = model.SrdFakeTag;
        // Per EOT: beam particles per electron × species fraction × fake-tag probability.
        return new SourceRate(fraction / electrons * tag.Probability, 0.5,
            $"({fraction:G3} {Name[..4]}/beam) / ({electrons:G4} e⁻/beam) × {tag.Probability:G3} SRD fake tag ({tag.KnockOnProbability:G3} knock-on + {tag.NoiseOnlyProbability:G3} noise only); ±50 % (the knock-on yield, docs/physics/synchrotron-radiation.md#the-fake-tag-class)");
    }

    /// <inheritdoc />
    public IEventPhysics CreateProcess(DetectorModel model, bool biased) => CreateProcess(model, biased, LongKaonProbability);

    /// <summary>As <see cref="CreateProcess(DetectorModel, bool)"/> with the leading-K⁰_L probability set to
    /// <paramref name="longKaonProbability"/> (tests raise it so that brute force reaches the regions the bias serves).</summary>
    public IEventPhysics CreateProcess(DetectorModel model, bool biased, double longKaonProbability)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(longKaonProbability >= 0 && longKaonProbability <= 1))
            throw new ArgumentOutOfRangeException(nameof(longKaonProbability), longKaonProbability, "a probability lies in [0, 1]");
        return new Fake(_species, Process, new BeamHadronFirstInteraction(model, _species, longKaonProbability,
            biased ? PhotonuclearSource.DepthBiasing(model) : null));
    }

    private sealed class Fake(DetectorSpecies species, TrueProcess process, BeamHadronFirstInteraction interaction) : IEventPhysics
    {
        public TrueProcess Process => process;

        public DetectorSpecies Primary => species;

        public bool TransportsPrimary => true;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            model.SrdFakeTag.Transport(record.Primary, ref rng, record);
            return interaction.Apply(record, ref rng);
        }
    }
}
