using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;

namespace Emiss.Detector.Tests.BeamLine;

/// <summary>
/// Bremsstrahlung and conversions in the material map against closed forms (docs/physics/beam-line.md#validation):
/// photons per element (x/X0)·N(y_min, 1) with N(a, b) = ∫_a^b (4/3 − 4y/3 + y²)/y dy, conversion probability
/// 1 − exp(−(7/9)·x/X0), and the kinematics of radiation inside a dipole field.
/// </summary>
public sealed class MaterialMapPhysicsTests
{
    private static SetupCard With(params PassiveElementOptions[] elements)
    {
        SetupCard b = TestCards.Clean();
        return b with { Spectrometer = b.Spectrometer with { PassiveElements = elements } };
    }

    private static double N(double a, double b) => 4.0 / 3.0 * Math.Log(b / a) - 4.0 / 3.0 * (b - a) + 0.5 * (b * b - a * a);

    [Fact]
    public void Closed_form_photon_number_is_the_integral_of_the_spectrum()
    {
        // Midpoint rule in ln y with 20 000 steps against the closed form.
        double a = BeamLineTransport.BremYMin, sum = 0;
        const int steps = 20000;
        double h = Math.Log(1 / a) / steps;
        for (int i = 0; i < steps; i++)
        {
            double y = a * Math.Exp((i + 0.5) * h);
            sum += (4.0 / 3.0 - 4.0 / 3.0 * y + y * y) * h;
        }
        Tolerance.Rel(1e-7, "midpoint rule, 20 000 steps").AssertClose(sum, ThinTargetBremsstrahlung.PhotonsPerX0(a, 1), "N(1e-3, 1)");
        Tolerance.Rel(1e-12, "closed form").AssertClose(N(0.1, 1), ThinTargetBremsstrahlung.PhotonsPerX0(0.1, 1), "N(0.1, 1)");
    }

    [Fact]
    public void Photons_per_element_and_their_spectrum_follow_the_closed_form()
    {
        // 0.05 X0 of aluminium downstream of the magnets; nothing behind it, so no photon converts.
        double t = 0.05 * 8.897;
        SetupCard card = With(new PassiveElementOptions { Name = "al", ZCm = -1000, Material = "Al", ThicknessCm = t });
        var transport = new BeamLineTransport(card);
        var rec = new BeamLineRecord(4);
        const int events = 20000;
        long photons = 0, hard = 0;
        for (int i = 0; i < events; i++)
        {
            EventRng rng = RngStreams.For(21, StreamKind.Beam, (ulong)i);
            transport.Transport(new BeamParticle(DetectorSpecies.Electron, 100, 0, 0, 0, 0), ref rng, rec);
            for (int k = 1; k < rec.ArrivalCount; k++)
            {
                Assert.Equal(DetectorSpecies.Photon, rec.ArrivalKind[k]);
                photons++;
                if (rec.ArrivalEnergyGeV[k] > 10) hard++;
            }
        }
        double xOverX0 = transport.MaterialPlanes.Sum(p => p.RadiationLengthFraction);
        Tolerance.Rel(1e-3, "PDG X0(Al) = 8.897 cm").AssertClose(0.05, xOverX0, "x/X0");
        double mean = xOverX0 * N(BeamLineTransport.BremYMin, 1);
        // Poisson count: σ(mean) = √(mean/events); 3σ.
        Tolerance.Abs(3 * Math.Sqrt(mean / events), "3σ Poisson, 20 000 electrons").AssertClose(mean, (double)photons / events, "photons per electron");
        // Energy sharing: photons above 10 GeV (y > 0.1 of the electron that emitted them, ≈ 100 GeV) among all.
        double f = N(0.1, 1) / N(BeamLineTransport.BremYMin, 1);
        Tolerance.Abs(3 * Math.Sqrt(f * (1 - f) / photons) + 0.003, "3σ binomial + 0.003 for the emitter's energy below 100 GeV after earlier photons")
            .AssertClose(f, (double)hard / photons, "share of photons with y > 0.1");
    }

    [Fact]
    public void Photons_convert_with_probability_one_minus_exp_of_seven_ninths_x_over_X0()
    {
        // 0.2 X0 of aluminium (≈ 1.8 cm, one slice) hit by 50 GeV photons.
        SetupCard card = With(new PassiveElementOptions { Name = "al", ZCm = -1000, Material = "Al", ThicknessCm = 0.2 * 8.897 });
        var transport = new BeamLineTransport(card);
        var rec = new BeamLineRecord(4);
        const int events = 20000;
        int converted = 0;
        for (int i = 0; i < events; i++)
        {
            EventRng rng = RngStreams.For(22, StreamKind.Beam, (ulong)i);
            transport.Transport(new BeamParticle(DetectorSpecies.Photon, 50, 0, 0, 0, 0), ref rng, rec);
            bool pair = rec.ArrivalKind.AsSpan(0, rec.ArrivalCount).Contains(DetectorSpecies.Positron);
            if (pair)
            {
                converted++;
                Assert.Equal(50, rec.ArrivalEnergyGeV.Take(rec.ArrivalCount).Sum(), 9);   // the pair carries the photon's energy
            }
            else Assert.Equal(DetectorSpecies.Photon, Assert.Single(rec.ArrivalKind.Take(rec.ArrivalCount)));
        }
        double p = 1 - Math.Exp(-7.0 / 9.0 * 0.2);
        Tolerance.Abs(3 * Math.Sqrt(p * (1 - p) / events), "3σ binomial, 20 000 photons").AssertClose(p, (double)converted / events, "conversion probability");
    }

    [Fact]
    public void Long_elements_are_sliced_and_keep_their_radiation_length()
    {
        SetupCard card = TestCards.PbSc;
        var transport = new BeamLineTransport(card);
        foreach (PassiveElementOptions e in card.Spectrometer.PassiveElements)
        {
            var slices = transport.MaterialPlanes.Where(p => p.Element == e.Name).ToList();
            Assert.Equal((int)Math.Ceiling(e.ThicknessCm / BeamLineTransport.MaxSliceCm), slices.Count);
            Tolerance.Rel(1e-12, "sum of equal slices").AssertClose(e.ThicknessCm / Core.Materials.MaterialCatalog.ByName(e.Material).RadiationLengthCm,
                slices.Sum(s => s.RadiationLengthFraction), e.Name);
            Assert.All(slices, s => Assert.InRange(s.ZCm, e.ZCm, e.ZEndCm()));
        }
        // Air: X0 = 303.9 m (PDG), so the 5.38 m gap behind the magnets is 1.77 % X0.
        Tolerance.Rel(2e-3, "PDG X0(air)").AssertClose(538 / 30390.0, transport.MaterialPlanes.Where(p => p.Element == "air-magnets-to-vessel").Sum(p => p.RadiationLengthFraction), "air gap x/X0");
    }

    [Fact]
    public void Inside_the_field_the_photon_flies_straight_and_the_softened_electron_bends_more()
    {
        // 0.089 X0 of lead in the middle of MBPL1 (field −2700 to −2500 cm; MBPL2 −2450 to −2250, 1.75 T each).
        SetupCard card = With(new PassiveElementOptions { Name = "pb", ZCm = -2600.025, Material = "Pb", ThicknessCm = 0.05 });
        var transport = new BeamLineTransport(card);
        Assert.True(Assert.Single(transport.MaterialPlanes, p => p.RadiationLengthFraction > 0).InField);
        var rec = new BeamLineRecord(4);
        // Independent geometry: the photon leaves along the nominal tangent at z = −2600 (slope 0.29979·1.75·1/100 after
        // 1 m of field), i.e. x_γ − x_nominal(0) = −(deflection the remaining field gives a 100 GeV electron at z = 0):
        // 0.29979·1.75·1/100 × 25.5 m + 0.29979·1.75·2/100 × 23.5 m = 13.38 + 24.66 = 38.04 cm (lever arms from each
        // field piece's centre to the ECAL). An electron of energy E′ after the emission is displaced by (100/E′ − 1) × 38.04 cm.
        double k = 0.299792458 * 1.75 / 100;
        double rest = k * 1 * 2550 + k * 2 * 2350;
        int checkedEvents = 0;
        for (int i = 0; i < 20000 && checkedEvents < 300; i++)
        {
            EventRng rng = RngStreams.For(23, StreamKind.Beam, (ulong)i);
            transport.Transport(new BeamParticle(DetectorSpecies.Electron, 100, 0, 0, 0, 0), ref rng, rec);
            // E′ > 30 GeV: the energy while bending is known to ±20 MeV (half the SR before the plane), which moves the
            // electron by ≤ 0.1 cm there (it would reach 0.8 cm at E′ ≈ 12 GeV, where the offset is 280 cm).
            if (rec.ArrivalCount != 2 || rec.ArrivalKind[1] != DetectorSpecies.Photon || rec.ArrivalEnergyGeV[1] < 10 || rec.ArrivalEnergyGeV[0] < 30) continue;
            checkedEvents++;
            // Tolerance: multiple scattering in 0.089 X0 (θ0 ≈ 37 µrad × 26 m ≈ 0.1 cm), the 0.5 mm spot, SR (≈ 0.1 % of the bend): 0.5 cm ≈ 3σ.
            Tolerance.Abs(0.5, "MS + spot + SR, ≈ 3σ").AssertClose(-rest, rec.ArrivalXCm[1], $"photon x, event {i}");
            double eAfter = rec.ArrivalEnergyGeV[0] + 0.5 * rec.SrRadiatedGeV;   // energy while bending (SR taken out along the arc)
            Tolerance.Abs(0.5, "MS + spot + SR, ≈ 3σ").AssertClose((100 / eAfter - 1) * rest, rec.ArrivalXCm[0], $"electron x, event {i}");
        }
        Assert.True(checkedEvents >= 100, $"only {checkedEvents} events with one hard photon");
    }
}
