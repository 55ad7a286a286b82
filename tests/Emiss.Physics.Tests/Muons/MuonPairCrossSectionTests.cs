using Emiss.Core.Random;
using Emiss.Physics.Muons;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Physics.Tests.Muons;

/// <summary>γZ → μ⁺μ⁻Z (docs/physics/muon-pairs.md#cross-section): asymptote, threshold, the Burkhardt–Kelner–Kokoulin
/// values of anchor V16 and the x₊ sampler.</summary>
public sealed class MuonPairCrossSectionTests(ITestOutputHelper output)
{
    private const int ZPb = 82;
    private const double APb = 207.2;
    private const double Mb = 1e-27;

    /// <summary>
    /// Closed form at k → ∞ (Burkhardt, Kelner, Kokoulin, CERN-SL-2002-016, eq. for σ∞):
    /// σ∞ = (28/9) α Z² (r_e m_e/m_μ)² ln W∞, W∞ = 183 Z^(−1/3) m_μ/(D_n m_e), D_n = 1.54 A^0.27 — the full screening
    /// and nuclear-size logarithm; there is no −1/42-type constant in this form (for Pb: 2.04 mb, V16).
    /// Written out here with PDG constants, independent of the code's.
    /// </summary>
    private static double AsymptoteCm2(int z, double a)
    {
        const double alpha = 1 / 137.035999, re = 2.8179403262e-13, me = 0.51099895, mmu = 105.6583755;
        double rc = re * me / mmu;
        double wInf = 183 * Math.Pow(z, -1.0 / 3) * mmu / (1.54 * Math.Pow(a, 0.27) * me);
        return 28.0 / 9.0 * alpha * z * z * rc * rc * Math.Log(wInf);
    }

    [Theory]
    [InlineData(82, 207.2)]
    [InlineData(26, 55.845)]
    public void Total_cross_section_approaches_the_asymptotic_closed_form(int z, double a)
    {
        double closed = AsymptoteCm2(z, a);
        output.WriteLine($"Z = {z}: σ∞ closed form {closed / Mb:F4} mb; σ(1e9 GeV) {MuonPairCrossSection.TotalCm2(1e9, z, a) / Mb:F4} mb; ∫dσ/dx₊ at 1e9 GeV {MuonPairCrossSection.IntegratedCm2(1e9, z, a) / Mb:F4} mb");
        // At 1e9 GeV the parametrisation's saturation factor is within 1e-4 of its limit ln(1 + W∞) = ln W∞ + 1/W∞.
        Tolerance.Rel(1e-3, "asymptote of the parametrisation (saturation and ln(1 + W∞) vs ln W∞ ≲ 1e-4)").AssertClose(closed, MuonPairCrossSection.TotalCm2(1e9, z, a), "σ_param(1e9 GeV)");
        Tolerance.Rel(1e-3, "∫dσ/dx₊ at δ → 0 is exactly (28/9)αZ²r_c² ln W∞").AssertClose(closed, MuonPairCrossSection.IntegratedCm2(1e9, z, a), "∫dσ/dx₊ (1e9 GeV)");
    }

    [Fact]
    public void Lead_asymptote_is_the_V16_value() =>
        // docs/physics/validation-anchors.md#v16: σ(Pb, ∞) = 2.04 mb (quoted to 3 digits).
        Tolerance.Rel(0.005, "V16 value quoted to 3 digits").AssertClose(2.04, AsymptoteCm2(ZPb, APb) / Mb, "σ∞(Pb) closed form, mb");

    [Theory]
    [InlineData(1, 0.026)]
    [InlineData(2, 0.076)]
    [InlineData(5, 0.191)]
    [InlineData(10, 0.317)]
    [InlineData(20, 0.470)]
    [InlineData(50, 0.698)]
    [InlineData(100, 0.880)]
    public void Total_cross_section_matches_the_V16_table(double kGeV, double expectedMb)
    {
        double s = MuonPairCrossSection.TotalCm2(kGeV, ZPb, APb) / Mb;
        output.WriteLine($"σ(γPb→μμ, {kGeV} GeV) = {s:F4} mb (V16: {expectedMb})");
        // V16 values carry 2–3 significant digits: ±0.5 in the last digit, at least 1 %.
        Tolerance.Rel(Math.Max(0.01, 0.0005 / expectedMb * 1.0001), "V16 table rounding").AssertClose(expectedMb, s, $"σ at {kGeV} GeV, mb");
    }

    [Fact]
    public void Partition_density_overestimates_near_threshold()
    {
        double ratio = MuonPairCrossSection.IntegratedCm2(10, ZPb, APb) / MuonPairCrossSection.TotalCm2(10, ZPb, APb);
        KnownDiscrepancy.Pin(output, "∫dσ/dx₊ / σ_param at k = 10 GeV (Pb)", ratio,
            new GoldValue(1.0557, 0.001, "this commit, deterministic quadrature (20 × 16 Gauss–Legendre points)"),
            new PhysicsTarget(1.0, 0.05, "parametrisation fitted to the cross section to a few per cent, CERN-SL-2002-016"),
            "the leading-log partition density omits the threshold factor that the parametrisation carries; it is used only for the shape of x₊, the rate uses the parametrisation");
    }

    [Theory]
    [InlineData(30.0)]
    [InlineData(100.0)]
    public void Integral_of_the_partition_density_agrees_with_the_total(double kGeV)
    {
        double total = MuonPairCrossSection.TotalCm2(kGeV, ZPb, APb), integ = MuonPairCrossSection.IntegratedCm2(kGeV, ZPb, APb);
        output.WriteLine($"k = {kGeV} GeV: parametrisation {total / Mb:F4} mb, ∫dσ/dx₊ {integ / Mb:F4} mb, ratio {integ / total:F4}");
        // Burkhardt's parametrisation was fitted to this integral "to a few per cent" (CERN-SL-2002-016): 5 %.
        Tolerance.Rel(0.05, "parametrisation vs its integral, a few per cent (CERN-SL-2002-016)").AssertClose(total, integ, $"∫dσ/dx₊ at {kGeV} GeV");
    }

    [Fact]
    public void Cross_section_vanishes_below_threshold()
    {
        const double mmu = 0.1056583755;
        foreach (double k in new[] { 0.5 * mmu, 2 * mmu, 3 * mmu, 4 * mmu })
        {
            Assert.Equal(0.0, MuonPairCrossSection.TotalCm2(k, ZPb, APb));
            Assert.Equal(0.0, MuonPairCrossSection.IntegratedCm2(k, ZPb, APb));
        }
        Assert.True(MuonPairCrossSection.TotalCm2(4.2 * mmu, ZPb, APb) > 0);
        // Rises monotonically from threshold.
        double prev = 0;
        for (double k = 0.45; k < 1e4; k *= 1.3)
        {
            double s = MuonPairCrossSection.TotalCm2(k, ZPb, APb);
            Assert.True(s > prev, $"σ not rising at {k} GeV");
            prev = s;
        }
    }

    /// <summary>dσ/dx₊ on lead up to a constant, written out independently (BKK eq.): (1 − 4/3 x(1 − x)) ln W,
    /// W = W∞(1 + (D_n√e − 2)δ/m_μ)/(1 + 183 Z^(−1/3)√e δ/m_e), δ = m_μ²/(2k x(1 − x)).</summary>
    private static double PartitionDensity(double kGeV, double x)
    {
        const double me = 0.51099895e-3, mmu = 0.1056583755;
        double dn = 1.54 * Math.Pow(APb, 0.27), bz = 183 * Math.Pow(ZPb, -1.0 / 3), se = Math.Sqrt(Math.E);
        double wInf = bz * mmu / (dn * me);
        double delta = mmu * mmu / (2 * kGeV * x * (1 - x));
        double w = wInf * (1 + (dn * se - 2) * delta / mmu) / (1 + bz * se * delta / me);
        return (1 - 4.0 / 3.0 * x * (1 - x)) * Math.Log(Math.Max(w, 1));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(20.0)]
    [InlineData(100.0)]
    public void Sampled_x_plus_follows_the_partition_density(double kGeV)
    {
        double Density(double x) => PartitionDensity(kGeV, x);
        var rng = RngStreams.For(11, StreamKind.Background, (ulong)kGeV);
        var xs = new double[20000];
        for (int i = 0; i < xs.Length; i++) xs[i] = MuonPairSampler.SampleXPlus(kGeV, ZPb, APb, ref rng);
        double s = Math.Sqrt(0.25 - 0.1056583755 / kGeV);
        Assert.All(xs, x => Assert.InRange(x, 0.5 - s, 0.5 + s));
        SampledDistribution.AssertMatches(xs, SampledDistribution.Linear(0.5 - s, 0.5 + s, 20), Density, $"x₊ at k = {kGeV} GeV", output);
    }

    [Theory]
    [InlineData(60.0)]
    [InlineData(100.0)]
    public void Sampled_x_plus_at_the_ends_follows_the_partition_density_there(double kGeV)
    {
        // The biased dimuon process draws a soft muon (here below 2 GeV): x₊ restricted to the two ends of its range. Bins on
        // the lower end (the upper end is its mirror: x₊ ↔ 1 − x₊), and the two ends equally often.
        const double mmu = 0.1056583755;
        double Density(double x) => PartitionDensity(kGeV, x);
        double s = Math.Sqrt(0.25 - mmu / kGeV), lo = 0.5 - s, hi = 0.5 + s, width = (2.0 - mmu) / kGeV;
        var rng = RngStreams.For(12, StreamKind.Background, (ulong)kGeV);
        var lower = new List<double>();
        for (int i = 0; i < 20000; i++)
        {
            double x = MuonPairSampler.SampleXPlusAtEnds(kGeV, ZPb, APb, width, ref rng);
            Assert.True(x - lo < width || hi - x < width, $"x₊ = {x} is not at an end");
            if (x - lo < width) lower.Add(x);
        }
        double share = lower.Count / 20000.0;
        Assert.True(Math.Abs(share - 0.5) < 3.5 * Math.Sqrt(0.25 / 20000), $"lower end drawn {share:P2} of the time");
        SampledDistribution.AssertMatches([.. lower], SampledDistribution.Linear(lo, lo + width, 12), Density, $"x₊ at the lower end, k = {kGeV} GeV", output);
    }

    [Fact]
    public void Muon_angles_scale_as_m_over_E()
    {
        // θ± = (m_μ/k)(u ± ξ/2)/x± with u = √(1/t − 1) of order 1 (BKK): the median of θ± E±/m_μ is of order 1.
        const double k = 50.0, mmu = 0.1056583755;
        var rng = RngStreams.For(12, StreamKind.Background, 0);
        var scaled = new List<double>();
        for (int i = 0; i < 4000; i++)
        {
            MuonPair p = MuonPairSampler.Sample(k, ZPb, APb, ref rng);
            scaled.Add(Math.Abs(p.ThetaPlus) * p.XPlus * k / mmu);
            scaled.Add(Math.Abs(p.ThetaMinus) * (1 - p.XPlus) * k / mmu);
        }
        scaled.Sort();
        double median = scaled[scaled.Count / 2];
        output.WriteLine($"median θE/m_μ = {median:F3}");
        Assert.InRange(median, 0.3, 3.0);
    }
}
