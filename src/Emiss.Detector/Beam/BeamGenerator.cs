using Emiss.Core.Random;
using Emiss.Detector.Setup;

namespace Emiss.Detector.Beam;

/// <summary>Samples H4 beam particles from <see cref="BeamOptions"/>: species by the composition fractions,
/// Gaussian momentum spread, spot and divergence (independent in x and y).</summary>
public sealed class BeamGenerator
{
    private readonly BeamOptions _beam;

    /// <summary>Creates the generator.</summary>
    public BeamGenerator(BeamOptions beam) => _beam = beam ?? throw new ArgumentNullException(nameof(beam));

    /// <summary>Draws the species alone.</summary>
    public DetectorSpecies SampleKind(ref EventRng rng)
    {
        double u = rng.NextDouble();
        BeamCompositionOptions c = _beam.Composition;
        if (u < c.PionFraction) return DetectorSpecies.PionMinus;
        u -= c.PionFraction;
        if (u < c.KaonFraction) return DetectorSpecies.KaonMinus;
        u -= c.KaonFraction;
        return u < c.MuonFraction ? DetectorSpecies.MuonMinus : DetectorSpecies.Electron;
    }

    /// <summary>Draws one particle of the beam mixture.</summary>
    public BeamParticle Sample(ref EventRng rng) => Sample(SampleKind(ref rng), ref rng);

    /// <summary>Draws one particle of a given species.</summary>
    public BeamParticle Sample(DetectorSpecies kind, ref EventRng rng)
    {
        double p = _beam.EnergyGeV * (1 + _beam.MomentumSpreadRel * rng.NextGaussian());
        double m = ParticleProperties.MassGeV(kind);
        double e = Math.Sqrt(p * p + m * m);
        double spot = _beam.SpotSigmaMm * 0.1, div = _beam.DivergenceMrad * 1e-3;
        return new BeamParticle(kind, e, spot * rng.NextGaussian(), spot * rng.NextGaussian(), div * rng.NextGaussian(), div * rng.NextGaussian());
    }
}
