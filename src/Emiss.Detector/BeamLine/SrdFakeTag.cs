using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Setup;

namespace Emiss.Detector.BeamLine;

/// <summary>
/// The event class in which a beam μ, π or K fakes the SRD's electron tag, split into two disjoint parts
/// (docs/physics/synchrotron-radiation.md#the-fake-tag-class):
/// <list type="bullet">
/// <item>knock-on: at least one knock-on (δ-ray) candidate upstream of the SRD, probability P_k =
/// <see cref="BeamLineTransport.KnockOnProbability"/>; the δ ray's energy, if it reaches the SRD, decides the tag;</item>
/// <item>noise-only: no candidate, and the SRD's Gaussian electronics noise alone reaches <see cref="ThresholdMeV"/>,
/// probability (1 − P_k)·Q(t/σ_noise) (Q the normal upper tail; the hadron's own synchrotron light, (m_e/m_π)⁴ ≈ 2·10⁻¹⁰
/// of an electron's, is nothing).</item>
/// </list>
/// A source multiplies its rate by <see cref="Probability"/> = P_k + (1 − P_k)·Q and transports its primary with
/// <see cref="Transport"/>, which picks the part with its exact conditional probability, so every tagged particle is
/// counted once. The threshold must not exceed the analysis's SRD cut (cut (ii) of the seed's cut card: 3 MeV): a
/// noise-only tag between the cut and the threshold would be missed. Below the threshold the class leaves out the
/// hadrons that pass a looser SRD cut on noise (the 1 MeV skim: 16 % of all PbSc pions), which no selection keeps.
/// </summary>
public sealed class SrdFakeTag
{
    /// <summary>Default threshold, MeV: the lower edge of cut (ii) ("energy deposited in the SRD within the SR range")
    /// of the seed's cut card (docs/physics/analysis-selection.md), the smallest SRD energy the analysis accepts as a tag.</summary>
    public const double DefaultThresholdMeV = 3.0;

    private readonly BeamLineTransport _beamLine;

    /// <summary>Creates the class for <paramref name="beamLine"/> and the SRD of <paramref name="srd"/>.</summary>
    public SrdFakeTag(BeamLineTransport beamLine, SrdOptions srd, double thresholdMeV = DefaultThresholdMeV)
    {
        ArgumentNullException.ThrowIfNull(beamLine);
        ArgumentNullException.ThrowIfNull(srd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thresholdMeV);
        _beamLine = beamLine;
        ThresholdMeV = thresholdMeV;
        NoiseMeV = srd.NoiseMeV;
        KnockOnProbability = beamLine.KnockOnProbability;
        NoiseTailProbability = NoiseMeV > 0 ? SpecialFunctions.NormalUpperTail(thresholdMeV / NoiseMeV) : 0.0;
        NoiseOnlyProbability = (1 - KnockOnProbability) * NoiseTailProbability;
        Probability = KnockOnProbability + NoiseOnlyProbability;
    }

    /// <summary>SRD energy that the noise alone must reach for a noise-only tag, MeV.</summary>
    public double ThresholdMeV { get; }

    /// <summary>The SRD's Gaussian noise σ, MeV (card).</summary>
    public double NoiseMeV { get; }

    /// <summary>P_k: at least one knock-on candidate upstream of the SRD.</summary>
    public double KnockOnProbability { get; }

    /// <summary>Q(t/σ_noise): the noise alone reaches the threshold.</summary>
    public double NoiseTailProbability { get; }

    /// <summary>(1 − P_k)·Q: no candidate, and the noise reaches the threshold.</summary>
    public double NoiseOnlyProbability { get; }

    /// <summary>P_k + (1 − P_k)·Q: the rate factor of a source of SRD-mis-tagged μ, π, K.</summary>
    public double Probability { get; }

    /// <summary>
    /// Transports the beam μ, π or K <paramref name="p"/> conditioned on the fake-tag class: with probability
    /// P_k/<see cref="Probability"/> forced to at least one knock-on candidate
    /// (<see cref="BeamLineTransport.TransportForcedKnockOn"/>), otherwise without any candidate and with the event's SRD
    /// noise conditioned to reach the threshold (<see cref="BeamLineRecord.SrdNoiseMinGeV"/>, drawn by the digitization
    /// from the normal tail). No weight: the class probability is in the rate. Returns whether the knock-on part was drawn.
    /// </summary>
    public bool Transport(in BeamParticle p, ref EventRng rng, BeamLineRecord rec)
    {
        if (!(Probability > 0))
            throw new InvalidOperationException("the SRD fake-tag class is empty: no material upstream of the SRD gives a knock-on candidate and the SRD has no noise tail above the threshold");
        // Both parts conditioned exactly: the choice costs one uniform, and a zero-probability part is never chosen.
        bool knockOn = rng.NextDouble() * Probability < KnockOnProbability;
        if (knockOn)
        {
            _beamLine.TransportForcedKnockOn(p, ref rng, rec);
        }
        else
        {
            _beamLine.TransportWithoutKnockOn(p, ref rng, rec);
            rec.SrdNoiseMinGeV = ThresholdMeV * 1e-3;
        }
        return knockOn;
    }
}
