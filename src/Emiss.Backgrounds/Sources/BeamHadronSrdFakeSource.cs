using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Pipeline;
using Emiss.Events;

namespace Emiss.Backgrounds.Sources;

/// <summary>
/// Beam π⁻ or K⁻ mis-tagged as a 100 GeV electron: a knock-on electron from the beam-line material upstream of the SRD
/// hits the SRD or radiates into it, or the SRD's noise alone reaches the tag threshold (the event class of
/// <see cref="SrdFakeTag"/>; the seed quotes an SRD hadron suppression ≃ 10³,
/// docs/physics/synchrotron-radiation.md#the-fake-tag-class).
/// The hadron then interacts in the ECAL or crosses it: these events populate the regions around the signal box
/// (E_ECAL + E_HCAL ≈ 100 GeV, the seed's region II, and sideband A), and reach the box only if the whole hadronic
/// shower escapes detection. Rate per EOT = (hadron fraction of the beam) × P(fake-tag class); the process transports
/// the hadron once, conditioned on the class (weight 1: the forcing is in the rate), and whether the δ ray reaches the
/// SRD, and with how much energy, is left to the transport and the SRD cuts.
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
    public string TableRow => "loss of hadrons from e⁻Z → e⁻ + hadrons (mis-tagged beam hadrons; regions II/III, sideband A)";

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
    public IEventPhysics CreateProcess(DetectorModel model, bool biased) => new Fake(_species, Process);

    private sealed class Fake(DetectorSpecies species, TrueProcess process) : IEventPhysics
    {
        public TrueProcess Process => process;

        public DetectorSpecies Primary => species;

        public bool TransportsPrimary => true;

        public double Apply(DetectorModel model, BeamLineRecord record, BeamLineRecord scratch, ref EventRng rng)
        {
            model.SrdFakeTag.Transport(record.Primary, ref rng, record);
            return 1.0;
        }
    }
}
