using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;

namespace Emiss.Detector.Tests.BeamLine;

/// <summary>
/// The seed's integral constraint on the material map: "e⁻ loss due to conversion into e⁻γ pair in the upstream
/// detector material ≲ 3 % (2 % uncertainty)". An electron counts as lost when it radiates y &gt; 0.1 before it leaves
/// the field (the momentum window |p − 100| &lt; 10 GeV of the NA64 analyses; photons emitted behind the magnets fly
/// with the electron into the ECAL): P_loss = 1 − exp(−(x/X0)_upstream·N(0.1, 1)), N(a, b) = ∫_a^b (4/3 − 4y/3 + y²)/y dy
/// (docs/physics/beam-line.md#upstream-loss-constraint).
/// </summary>
public sealed class UpstreamLossConstraintTests
{
    private const double YLoss = 0.1;

    private static double UpstreamX0(BeamLineTransport t) => t.MaterialPlanes.Where(p => p.ZCm < t.FieldEndCm).Sum(p => p.RadiationLengthFraction);

    [Theory]
    [InlineData(SetupPresets.Na64_2016_PbSc)]
    [InlineData(SetupPresets.Na64_2016_Bgo)]
    public void Preset_upstream_material_loses_3_plus_minus_2_percent_of_the_electrons(string name)
    {
        var t = new BeamLineTransport(SetupPresets.ByName(name));
        double x = UpstreamX0(t);
        // Independent sum of the map upstream of the field end (PDG X0: Mylar 28.54 cm, air 30 390 cm, polystyrene 41.31 cm):
        // H4 window + air gap + S1 + S2 (0.1 cm each) + T1 + T2 (0.3 % each) + magnet-chamber entry window.
        double expected = 0.01 / 28.54 + 233 / 30390.0 + 2 * 0.1 / 41.31 + 2 * 0.003 + 0.01 / 28.54;
        Tolerance.Rel(2e-3, "PDG X0 to 4 digits").AssertClose(expected, x, "upstream x/X0");
        double loss = 1 - Math.Exp(-x * ThinTargetBremsstrahlung.PhotonsPerX0(YLoss, 1));
        Assert.InRange(loss, 0.01, 0.05);   // seed: ≲ 3 % with 2 % uncertainty
    }

    [Fact]
    public void Simulated_loss_equals_the_closed_form()
    {
        // The preset with everything behind the field end removed, no momentum spread: the energy radiated by the primary
        // is then the upstream loss. Two soft photons adding up to y > 0.1 make the simulation exceed the one-photon
        // closed form by ≈ 1 % of itself, well inside the 3σ band.
        SetupCard p = TestCards.PbSc;
        var full = new BeamLineTransport(p);
        double fieldEnd = full.FieldEndCm;
        SetupCard card = p with
        {
            Beam = p.Beam with { MomentumSpreadRel = 0 },
            Spectrometer = p.Spectrometer with
            {
                PassiveElements = [.. p.Spectrometer.PassiveElements.Where(e => e.ZEndCm() < fieldEnd)],
                Counters = [.. p.Spectrometer.Counters.Select(c => c.ZCm < fieldEnd ? c : c with { ThicknessCm = 0 })],
                Trackers = [.. p.Spectrometer.Trackers.Select(c => c.ZCm < fieldEnd ? c : c with { RadiationLengthFraction = 0 })],
            },
        };
        var t = new BeamLineTransport(card);
        var rec = new BeamLineRecord(4);
        const int events = 20000;
        int lost = 0;
        for (int i = 0; i < events; i++)
        {
            EventRng rng = RngStreams.For(31, StreamKind.Beam, (ulong)i);
            t.Transport(new BeamParticle(DetectorSpecies.Electron, 100, 0, 0, 0, 0), ref rng, rec);
            if (rec.UpstreamBremGeV > YLoss * 100) lost++;
        }
        double expected = 1 - Math.Exp(-UpstreamX0(full) * ThinTargetBremsstrahlung.PhotonsPerX0(YLoss, 1));
        Tolerance.Abs(3 * Math.Sqrt(expected * (1 - expected) / events), "3σ binomial, 20 000 electrons").AssertClose(expected, (double)lost / events, "upstream loss probability");
    }
}
