using Emiss.Core.Random;
using Emiss.Detector.Beam;
using Emiss.Detector.Calorimetry;
using Emiss.Detector.Pipeline;
using Emiss.Detector.Setup;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Detector.Tests.Calorimetry;

/// <summary>Event-by-event hadron response of the parametrised model (docs/physics/hadron-response.md).</summary>
public sealed class HadronResponseTests(ITestOutputHelper output)
{
    /// <summary>The nominal set-up with a laterally huge HCAL, hadrons aimed beside the ECAL: the HCAL alone, no lateral leakage.</summary>
    private static readonly DetectorModel Wide = new(TestCards.Clean() with { Hcal = TestCards.Clean().Hcal with { HalfWidthCm = 200 } }, 5);

    private static readonly DetectorModel Nominal = new(TestCards.Clean(), 5);

    private static double[] HcalEnergies(DetectorModel m, DetectorSpecies kind, double e, double x, int n, ulong seed, out double[] ecal)
    {
        var dep = new CalorimeterDeposits(m.Layout.CellsX * m.Layout.CellsY, m.Card.Hcal.Modules);
        var result = new double[n];
        ecal = new double[n];
        for (int i = 0; i < n; i++)
        {
            dep.Clear();
            var rng = RngStreams.For(seed, StreamKind.Shower, (ulong)i);
            m.Showers.Deposit(new IncidentParticle(kind, e, x, 0), ref rng, dep);
            result[i] = dep.HcalTotalGeV() * m.HcalCalibration;
            ecal[i] = dep.EcalTotalGeV();
        }
        return result;
    }

    private static (double Mean, double Sd) Stats(double[] v)
    {
        double m = v.Average();
        return (m, Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1)));
    }

    [Fact]
    public void Pion_resolution_of_the_iron_scintillator_hcal_matches_published_sampling_calorimeters()
    {
        // Fit (σ/E)² = a²/E + b² at 10, 30, 100 GeV (pions beside the ECAL into a wide HCAL: no lateral leakage).
        double[] energies = [10, 30, 100];
        var rel2 = new double[energies.Length];
        for (int k = 0; k < energies.Length; k++)
        {
            var (m, s) = Stats(HcalEnergies(Wide, DetectorSpecies.PionMinus, energies[k], 60, 3000, (ulong)(100 + k), out _));
            rel2[k] = (s / m) * (s / m);
            output.WriteLine($"{energies[k]} GeV π⁻: ⟨E⟩ = {m:F2} GeV, σ/E = {100 * s / m:F1} %");
        }
        // Least squares for y = A x + B, x = 1/E.
        double[] xs = [.. energies.Select(e => 1 / e)];
        double xm = xs.Average(), ym = rel2.Average();
        double slope = xs.Zip(rel2, (x, y) => (x - xm) * (y - ym)).Sum() / xs.Sum(x => (x - xm) * (x - xm));
        double a = Math.Sqrt(Math.Max(slope, 0)), b = Math.Sqrt(Math.Max(ym - slope * xm, 0));
        output.WriteLine($"σ/E = {100 * a:F0} %/√E ⊕ {100 * b:F1} %");
        // Published Fe/scintillator hadron calorimeters: ATLAS TileCal (14 mm Fe) 52 %/√E ⊕ 5.7 % (Adragna et al.,
        // NIM A 606 (2009) 362), CDHS (50 mm Fe) 70 %/√E (Holder et al., NIM 151 (1978) 69). Band: 50–75 %/√E, b ≤ 8 %.
        // The card's terms come from Fabjan's sampling rule (hadronic, SamplingFluctuationRules) and the shower engine (EM,
        // HcalEmResponseTests), not from these measurements; until 2026-12-05 the assumed 0.45/0.25 gave a = 0.447 (a pinned
        // known discrepancy).
        Assert.InRange(a, 0.50, 0.75);
        Assert.InRange(b, 0, 0.08);
    }

    [Theory]
    [InlineData(20.0)]
    [InlineData(100.0)]
    public void Electron_to_pion_response_ratio_is_that_of_a_non_compensating_iron_calorimeter(double e)
    {
        // Electrons and pions beside the ECAL into the wide HCAL, both on the pion scale c_π: e/π = ⟨S_e⟩/⟨S_π⟩.
        var (me, _) = Stats(HcalEnergies(Wide, DetectorSpecies.Electron, e, 60, 1500, 200, out _));
        var (mp, sp) = Stats(HcalEnergies(Wide, DetectorSpecies.PionMinus, e, 60, 3000, 201, out _));
        double ratio = me / mp;
        // Closed form (Wigmans 2017, eq. for non-compensating calorimeters): e/π = (e/h)/(1 + (e/h − 1) f̄_em(E)) with
        // e/h = 1.4 (card) and Gabriel's f̄_em. Tolerance: 3σ of ⟨S_π⟩ plus 2 % for the pions' MIP track before the
        // shower (read with e/mip) and the longitudinal leakage behind module 4.
        var h = Wide.Card.Hcal;
        double f = Math.Max(0, 1 - Math.Pow(e / h.EmFractionScaleGeV, h.EmFractionExponent - 1));
        double expected = h.ElectronToHadronRatio / (1 + (h.ElectronToHadronRatio - 1) * f);
        output.WriteLine($"{e} GeV: e/π = {ratio:F3} (closed form {expected:F3}); published Fe/Sc: 1.1–1.3 at 10–100 GeV");
        Tolerance.Rel(3 * sp / mp / Math.Sqrt(3000) + 0.02, "Wigmans' e/π from e/h and f̄_em; 3σ + 2 %").AssertClose(expected, ratio, "e/π");
        Assert.InRange(ratio, 1.05, 1.35);
    }

    [Fact]
    public void Longitudinal_leakage_behind_the_first_module_respects_the_PDG_95_percent_depth()
    {
        // PDG review "Calorimetry": L95 ≈ x_max + 2.5 λ_att, x_max = 0.2 ln E + 0.7, λ_att = λ_I E^0.13 ⇒ 6.2 λ_I at 100 GeV,
        // less than module 1 (7.4 λ_I): the mean energy behind module 1 must be below 5 % (+3σ) for pions entering the HCAL.
        var dep = new CalorimeterDeposits(36, Wide.Card.Hcal.Modules);
        int n = 2000;
        var behind = new double[n];
        for (int i = 0; i < n; i++)
        {
            dep.Clear();
            var rng = RngStreams.For(300, StreamKind.Shower, (ulong)i);
            Wide.Showers.Deposit(new IncidentParticle(DetectorSpecies.PionMinus, 100, 60, 0), ref rng, dep);
            double tot = dep.HcalTotalGeV();
            behind[i] = tot > 0 ? (tot - dep.HcalGeV[0]) / tot : 0;
        }
        var (m, s) = Stats(behind);
        output.WriteLine($"100 GeV π⁻: mean signal fraction behind module 1 = {m:F4}; punch-through tail P(> 20 %) = {behind.Count(v => v > 0.2) / (double)n:F4}");
        Assert.True(m < 0.05 + 3 * s / Math.Sqrt(n), $"leakage behind 7.4 λ_I {m:F4}");
        // Punch-through: a pion that does not interact within module 1 (e^(−7.4) ≈ 6e-4) or interacts late leaves a tail;
        // exponential first interaction keeps the tail non-zero.
        Assert.Contains(behind, v => v > 0.2);
    }

    [Fact]
    public void Lateral_leakage_follows_the_95_percent_radius_of_one_interaction_length()
    {
        // PDG: 95 % of a hadron shower lies within a cylinder of radius ≈ λ_I. On the 60 × 60 cm² face (half-width 30 cm
        // > λ_I ≈ 18.8 cm) a centred shower loses < 5 %; one entering 5 cm from the edge loses ≈ half of the tail beyond
        // 5 cm on one side: (1/2)(1 − a/√(a² + R²)) with a = 5 cm, R = λ/√19 (closed form of the profile's marginal).
        double lam = Nominal.Layout.Regions[Nominal.Layout.HcalFirstRegion].LambdaCm, r = lam / Math.Sqrt(19);
        var (centre, _) = Stats(HcalEnergies(Wide, DetectorSpecies.PionMinus, 50, 60, 1500, 400, out _));
        // Nominal HCAL, ECAL missed: aim at x = 25 cm (ECAL spans x < 9.5 cm).
        var (edge, sEdge) = Stats(HcalEnergies(Nominal, DetectorSpecies.PionMinus, 50, 25, 3000, 400, out double[] ecal));
        Assert.All(ecal, v => Assert.Equal(0.0, v));
        double lost = 1 - edge / centre;
        double expected = 0.5 * (1 - 5 / Math.Sqrt(25 + r * r));
        output.WriteLine($"λ_I(HCAL) = {lam:F2} cm; 5 cm from the edge: lost {lost:F4} (closed form {expected:F4})");
        Tolerance.Abs(3 * sEdge / edge / Math.Sqrt(3000) * Math.Sqrt(2) + 0.01, "closed form, 3σ + 1 % for the other edges").AssertClose(expected, lost, "lateral leakage");
    }

    [Fact]
    public void Electromagnetic_fraction_is_skewed_not_gaussian()
    {
        // A Beta law with mean f̄ ≈ 0.55 (100 GeV) and σ = 0.08: bounded in [0, 1]; its third moment has the sign of 1 − 2f̄.
        var h = Wide.Card.Hcal;
        var rng = RngStreams.For(1, StreamKind.Shower, 0);
        var f = new double[20000];
        for (int i = 0; i < f.Length; i++) f[i] = HadronFluctuations.Draw(100, h, ref rng).Fem;
        double m = f.Average(), s2 = f.Sum(v => (v - m) * (v - m)) / f.Length, m3 = f.Sum(v => Math.Pow(v - m, 3)) / f.Length;
        double mean = HadronFluctuations.MeanEmFraction(100, h);
        output.WriteLine($"f_em at 100 GeV: mean {m:F4} (Gabriel {mean:F4}), σ {Math.Sqrt(s2):F4}, skewness {m3 / Math.Pow(s2, 1.5):F3}");
        Tolerance.Abs(3 * 0.08 / Math.Sqrt(f.Length), "3σ of the mean").AssertClose(mean, m, "⟨f_em⟩");
        Tolerance.Abs(0.005, "spread of the Beta law").AssertClose(h.EmFractionSpread, Math.Sqrt(s2), "σ(f_em)");
        Assert.All(f, v => Assert.InRange(v, 0, 1));
        // Beta skewness 2(β − α)√(α + β + 1)/((α + β + 2)√(αβ)).
        double kappa = mean * (1 - mean) / (0.08 * 0.08) - 1, al = mean * kappa, be = (1 - mean) * kappa;
        double skew = 2 * (be - al) * Math.Sqrt(al + be + 1) / ((al + be + 2) * Math.Sqrt(al * be));
        Tolerance.Abs(3 * Math.Sqrt(6.0 / f.Length), "3σ of a sample skewness").AssertClose(skew, m3 / Math.Pow(s2, 1.5), "skewness");
    }

    [Fact]
    public void Nucleons_shower_with_their_kinetic_energy_only()
    {
        // A neutron of total energy m_n + 10 GeV and a 10 GeV π⁺... differ by charge (no MIP track) only: same mean HCAL
        // signal within the pions' MIP share (≤ 0.4 GeV before the interaction), not 0.94 GeV more.
        var (mn, sn) = Stats(HcalEnergies(Wide, DetectorSpecies.Neutron, 10 + ParticleProperties.MassGeV(DetectorSpecies.Neutron), 60, 3000, 500, out _));
        var (mp, sp) = Stats(HcalEnergies(Wide, DetectorSpecies.PionPlus, 10, 60, 3000, 501, out _));
        output.WriteLine($"⟨S⟩ n(T = 10 GeV) = {mn:F3}, π⁺(10 GeV) = {mp:F3}");
        Tolerance.Abs(3 * Math.Sqrt((sn * sn + sp * sp) / 3000) + 0.4, "3σ + MIP share").AssertClose(mp, mn, "neutron vs pion signal");
    }
}
