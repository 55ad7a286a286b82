using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.BeamLine;

/// <summary>The SRD fake-tag class of beam μ, π, K (knock-on electrons, or the SRD noise alone at the tag threshold)
/// against its closed-form probability P_k + (1 − P_k)·Q(t/σ) and the exact split between its two parts.</summary>
public sealed class SrdFakeTagTests(ITestOutputHelper output)
{
    /// <summary>Q(3) = ½ erfc(3/√2) (Abramowitz &amp; Stegun 26.2; double-precision erfc).</summary>
    private const double Q3 = 1.3498980316300957e-3;

    private static readonly BeamParticle Pion = new(DetectorSpecies.PionMinus, 100, 0, 0, 0, 0);

    [Fact]
    public void Probability_is_the_knock_on_plus_the_noise_tail_without_a_knock_on()
    {
        // PbSc card: σ_noise = 1 MeV, so the 3 MeV threshold is 3σ; P_k is the card's tuned 2.36·10⁻³.
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        var tag = new SrdFakeTag(new BeamLineTransport(pbsc), pbsc.Srd);
        double pk = SrdOptions.SeedTunedHadronKnockOnProbability;
        output.WriteLine($"PbSc: P_k {tag.KnockOnProbability:E4}, noise only {tag.NoiseOnlyProbability:E4}, P(tag) {tag.Probability:E4}");
        Tolerance.Rel(2e-7, "Q from NR erfcc (< 1.2e-7)").AssertClose(pk + (1 - pk) * Q3, tag.Probability, "P(tag), PbSc");
        Assert.Equal(pk, tag.KnockOnProbability, 12);
        // BGO: σ = 0.3 MeV puts 3 MeV at 10σ, Q(10) = 7.6·10⁻²⁴: the δ rays are the whole class.
        SetupCard bgo = SetupPresets.ByName(SetupPresets.Na64_2016_Bgo);
        var tagBgo = new SrdFakeTag(new BeamLineTransport(bgo), bgo.Srd);
        Tolerance.Rel(2e-7, "Q(10) = 7.619853e-24 (erfc)").AssertClose(7.619853024160593e-24, tagBgo.NoiseTailProbability, "Q(10), BGO");
        Assert.Equal(tagBgo.KnockOnProbability, tagBgo.Probability);
        // No noise: no noise-only part.
        var quiet = new SrdFakeTag(new BeamLineTransport(pbsc), pbsc.Srd with { NoiseMeV = 0 });
        Assert.Equal(0, quiet.NoiseOnlyProbability);
    }

    [Fact]
    public void Transport_draws_each_part_with_its_conditional_probability()
    {
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        var transport = new BeamLineTransport(pbsc);
        var tag = new SrdFakeTag(transport, pbsc.Srd);
        var rec = new BeamLineRecord(pbsc.Spectrometer.Trackers.Count);
        const int n = 20_000;
        int knockOn = 0;
        double maxNoiseOnlySrd = 0;
        for (int i = 0; i < n; i++)
        {
            EventRng r = RngStreams.For(3, StreamKind.Background, (ulong)i);
            if (tag.Transport(Pion, ref r, rec))
            {
                knockOn++;
                Assert.True(double.IsNaN(rec.SrdNoiseMinGeV), "a knock-on tag leaves the noise unconditioned");
            }
            else
            {
                Assert.Equal(tag.ThresholdMeV * 1e-3, rec.SrdNoiseMinGeV);
                maxNoiseOnlySrd = Math.Max(maxNoiseOnlySrd, rec.SrdTrueGeV);
            }
        }
        double expected = tag.KnockOnProbability / tag.Probability, err = Math.Sqrt(expected * (1 - expected) / n);
        output.WriteLine($"knock-on part {knockOn}/{n} = {knockOn / (double)n:F4}, expected {expected:F4} ± {err:F4}; largest SRD energy of a noise-only tag {maxNoiseOnlySrd:E2} GeV");
        Tolerance.Abs(4 * err, "4σ binomial").AssertClose(expected, knockOn / (double)n, "P(knock-on | tag)");
        // A pion without δ rays puts only its own synchrotron light, (m_e/m_π)⁴ ≈ 2·10⁻¹⁰ of an electron's ~0.1 GeV, into the SRD.
        Assert.InRange(maxNoiseOnlySrd, 0, 1e-9);
        rec.Clear();
        Assert.True(double.IsNaN(rec.SrdNoiseMinGeV), "Clear resets the noise condition");
    }

    [Fact]
    public void Transport_without_knock_on_is_the_natural_transport_with_no_material_yield()
    {
        // The conditioned transport must equal, draw for draw, a beam line whose δ-ray yield is zero.
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        var with = new BeamLineTransport(pbsc);
        var without = new BeamLineTransport(pbsc with { Srd = pbsc.Srd with { HadronKnockOnProbability = 0 } });
        var gen = new BeamGenerator(pbsc.Beam);
        var a = new BeamLineRecord(4);
        var b = new BeamLineRecord(4);
        for (int i = 0; i < 200; i++)
        {
            EventRng r1 = RngStreams.For(8, StreamKind.Beam, (ulong)i);
            EventRng r2 = r1;
            BeamParticle p = gen.Sample(DetectorSpecies.PionMinus, ref r1);
            _ = gen.Sample(DetectorSpecies.PionMinus, ref r2);
            with.TransportWithoutKnockOn(p, ref r1, a);
            without.Transport(p, ref r2, b);
            Assert.Equal(b.SrdTrueGeV, a.SrdTrueGeV);
            Assert.Equal(b.ArrivalCount, a.ArrivalCount);
            Assert.Equal(b.ArrivalEnergyGeV[0], a.ArrivalEnergyGeV[0]);
            Assert.Equal(b.HitX[3], a.HitX[3]);
            Assert.Equal(r2.NextUInt64(), r1.NextUInt64());
        }
        EventRng r = RngStreams.For(1, StreamKind.Beam, 0);
        Assert.Throws<ArgumentException>(() => with.TransportWithoutKnockOn(Pion with { Kind = DetectorSpecies.Electron }, ref r, a));
    }
}
