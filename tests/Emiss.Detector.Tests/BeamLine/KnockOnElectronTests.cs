using Emiss.Core.Constants;
using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.BeamLine;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.BeamLine;

/// <summary>Knock-on (δ-ray) electrons of beam μ, π, K (PDG 2024 §34.2.7) against closed forms and elastic two-body
/// kinematics, and the δ rays that the beam-line transport puts into the SRD against a geometric integral.</summary>
public sealed class KnockOnElectronTests(ITestOutputHelper output)
{
    private const double Me = PhysicalConstants.ElectronMassGeV;

    [Fact]
    public void Maximum_energy_transfer_matches_the_PDG_high_energy_form_for_muons()
    {
        // PDG 2024 §34.2.3: for muons at high energy T_max = E²/(E + m_μ²/(2m_e)) (100 GeV: 90.2 GeV); the form sets
        // β² = 1 − m_μ²/E² to 1 and drops m_e², so it differs by m_μ²/p² (1.1·10⁻⁴ at 10 GeV) plus at most m_e²/m_μ² (2.3·10⁻⁵).
        foreach (double e in new[] { 10.0, 100.0, 1000.0 })
        {
            double m = PhysicalConstants.MuonMassGeV;
            double pdg = e * e / (e + m * m / (2 * Me));
            Tolerance.Rel(1.01 * m * m / (e * e - m * m) + Me * Me / (m * m), "PDG high-energy form: β² → 1, m_e² dropped").AssertClose(pdg, KnockOnElectrons.MaxKineticGeV(e, m), $"T_max(μ, {e} GeV)");
        }
    }

    [Fact]
    public void Emission_angle_is_that_of_elastic_scattering_on_an_electron_at_rest()
    {
        // Two-body kinematics (projectile E, p on an electron at rest; the electron leaves with T, p_e):
        // energy and longitudinal momentum conservation give cos θ = T (E + m_e)/(p p_e), independent of eq. 34.15's form.
        double m = PhysicalConstants.ChargedPionMassGeV, e = 100.0, p = Math.Sqrt(e * e - m * m);
        double tMax = KnockOnElectrons.MaxKineticGeV(e, m);
        foreach (double t in new[] { 1e-3, 1e-2, 0.1, 1.0, 10.0, 0.999 * tMax })
        {
            double pe = Math.Sqrt(t * (t + 2 * Me));
            double expected = t * (e + Me) / (p * pe);
            Tolerance.Rel(1e-9, "identical kinematics").AssertClose(expected, KnockOnElectrons.CosTheta(t, tMax), $"cos θ at T = {t} GeV");
        }
        // The inverse: the softest δ ray within θ leaves exactly at θ.
        double tAt = KnockOnElectrons.KineticAtAngle(0.2, tMax);
        Tolerance.Rel(1e-9, "inverse of eq. 34.15").AssertClose(Math.Cos(0.2), KnockOnElectrons.CosTheta(tAt, tMax), "cos θ at T(θ = 0.2)");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Thinned_majorant_reproduces_the_spin_dependent_spectrum(bool muon)
    {
        // Kept fraction of majorant candidates on [T_min, ∞) = T_min ∫_{T_min}^{T_max} F(T)/(β²T²) dT, closed form:
        // T_min [(1/β²)(1/T_min − 1/T_max) − ln(T_max/T_min)/T_max + (spin ½) (T_max − T_min)/(2E²β²)].
        double e = 20.0, m = muon ? PhysicalConstants.MuonMassGeV : PhysicalConstants.ChargedPionMassGeV;
        double tMax = KnockOnElectrons.MaxKineticGeV(e, m), tMin = 0.05 * tMax, b2 = 1 - m * m / (e * e);
        double expected = tMin * ((1 / tMin - 1 / tMax) / b2 - Math.Log(tMax / tMin) / tMax + (muon ? (tMax - tMin) / (2 * e * e * b2) : 0));
        const int n = 400_000;
        int kept = 0;
        EventRng r = RngStreams.For(3, StreamKind.Beam, 0);
        for (int i = 0; i < n; i++)
        {
            double t = KnockOnElectrons.SampleMajorant(tMin, ref r);
            if (r.NextDouble() < KnockOnElectrons.Acceptance(t, e, m, muon)) kept++;
        }
        double f = kept / (double)n, err = Math.Sqrt(expected * (1 - expected) / n);
        output.WriteLine($"{(muon ? "mu" : "pi")}: kept {f:F5}, closed form {expected:F5} ± {err:F5}");
        Tolerance.Abs(4 * err, "4σ binomial").AssertClose(expected, f, "kept fraction");
    }

    [Fact]
    public void Delta_rays_from_a_counter_hit_the_SRD_band_as_geometry_says()
    {
        // Only S3 (0.5 cm polystyrene, 60 cm upstream of the SRD, downstream of the fields) has material. A forced event
        // carries N ≥ 1 candidates (zero-truncated Poisson, mean μ); each lands in the SRD band with probability h̄, so
        // P(SRD hit | forced) = (1 − e^{−μ h̄})/(1 − e^{−μ}). h̄ = ∫ (T_min/T²) a(T) h(T) dT with a = 1 − β²T/T_max
        // divided by β² (spin 0), and for a δ ray at r = D tan θ from the pion at the SRD (no field, straight lines)
        // h = [arccos(2 cm/r) − arccos(min(1, 20 cm/r))]/π, the azimuths whose offset r|cos φ| on the SRD side lies in
        // the 2–20 cm band; θ from elastic kinematics (previous test). Material density: the catalog's polystyrene.
        SetupCard clean = TestCards.Clean();
        var card = clean with
        {
            Spectrometer = clean.Spectrometer with
            {
                Counters = [.. clean.Spectrometer.Counters.Select(c => c.Name == "S3" ? c with { ThicknessCm = 0.5 } : c)],
            },
            Srd = clean.Srd with { HadronKnockOnProbability = null },
        };
        var transport = new BeamLineTransport(card);
        int s3 = Enumerable.Range(0, transport.MaterialPlanes.Count).Single(i => transport.MaterialPlanes[i].Element == "S3");
        double mu = transport.KnockOnCandidateMeans[s3], tMin = transport.KnockOnMinKineticGeV()[s3];
        Assert.Equal(mu, transport.KnockOnCandidateMeans.Sum(), 15);
        var sc = Core.Materials.MaterialCatalog.Polystyrene;
        Tolerance.Rel(1e-12, "½ K (Z/A) ρx / T_min, PDG eq. 34.14 integrated with F = 1").AssertClose(
            0.5 * 0.307075 * sc.ZOverA * sc.DensityGPerCm3 * 0.5 / (tMin * 1e3), mu, "μ(S3)");

        double m = PhysicalConstants.ChargedPionMassGeV, e = card.Beam.EnergyGeV, p = Math.Sqrt(e * e - m * m), b2 = p * p / (e * e);
        double tMax = KnockOnElectrons.MaxKineticGeV(e, m), d = card.Srd.ZCm - (-150.0);
        const int nodes = 200_000;
        double hBar = 0;
        for (int k = 0; k < nodes; k++)
        {
            double u = (k + 0.5) / nodes, t = tMin / u;   // u = T_min/T: du = T_min dT/T²
            if (t > tMax) continue;
            double pe = Math.Sqrt(t * (t + 2 * Me)), cos = t * (e + Me) / (p * pe);
            double r = d * Math.Sqrt(1 - cos * cos) / cos;
            double h = r <= card.Srd.OffsetMinCm ? 0 : (Math.Acos(card.Srd.OffsetMinCm / r) - Math.Acos(Math.Min(1, card.Srd.OffsetMaxCm / r))) / Math.PI;
            hBar += Math.Min(1, (1 - b2 * t / tMax) / b2) * h / nodes;
        }
        double expected = -double.ExpM1(-mu * hBar) / -double.ExpM1(-mu);

        var gen = new BeamGenerator(card.Beam);
        var rec = new BeamLineRecord(card.Spectrometer.Trackers.Count);
        const int n = 100_000;
        int hits = 0;
        for (int i = 0; i < n; i++)
        {
            EventRng r = RngStreams.For(9, StreamKind.Beam, (ulong)i);
            transport.TransportForcedKnockOn(gen.Sample(DetectorSpecies.PionMinus, ref r), ref r, rec);
            if (rec.SrdTrueGeV > 0) hits++;
        }
        double f = hits / (double)n, err = Math.Sqrt(expected * (1 - expected) / n);
        output.WriteLine($"S3: μ = {mu:E4}, T_min = {tMin * 1e3:F2} MeV; P(SRD hit | forced) MC {f:F4}, geometry {expected:F4} ± {err:F4}");
        Tolerance.Abs(4 * err + 2e-3, "4σ binomial + 0.2 % for the beam spot (σ = 0.5 mm) and the pion's scattering in S3, left out of the integral")
            .AssertClose(expected, f, "P(SRD hit | forced knock-on)");
    }

    [Fact]
    public void Card_probability_rescales_the_yield_and_zero_removes_it()
    {
        SetupCard pbsc = SetupPresets.ByName(SetupPresets.Na64_2016_PbSc);
        var own = new BeamLineTransport(pbsc with { Srd = pbsc.Srd with { HadronKnockOnProbability = null } });
        var tuned = new BeamLineTransport(pbsc);
        Assert.Equal(own.FirstPrinciplesKnockOnProbability, own.KnockOnProbability, 15);
        Assert.Equal(SrdOptions.SeedTunedHadronKnockOnProbability, tuned.KnockOnProbability, 12);
        double ratio = Math.Log(1 - tuned.KnockOnProbability) / Math.Log(1 - own.KnockOnProbability);
        for (int i = 0; i < own.KnockOnCandidateMeans.Count; i++)
            Assert.Equal(ratio * own.KnockOnCandidateMeans[i], tuned.KnockOnCandidateMeans[i], 15);
        var none = new BeamLineTransport(pbsc with { Srd = pbsc.Srd with { HadronKnockOnProbability = 0 } });
        Assert.Equal(0, none.KnockOnProbability);
        var rec = new BeamLineRecord(4);
        EventRng r = RngStreams.For(1, StreamKind.Beam, 0);
        var pion = new BeamParticle(DetectorSpecies.PionMinus, 100, 0, 0, 0, 0);
        Assert.Throws<InvalidOperationException>(() => none.TransportForcedKnockOn(pion, ref r, rec));
        Assert.Throws<ArgumentException>(() => tuned.TransportForcedKnockOn(pion with { Kind = DetectorSpecies.Electron }, ref r, rec));
    }
}
