using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;
using Emiss.Shower.Processes.Ionisation;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// Energy-loss fluctuations in thin layers (Urban model) against the Landau–Vavilov–Bichsel most probable loss of the
/// PDG Review "Passage of particles through matter" (2024, §34.2.9, eq. 34.12):
/// Δ_p = ξ [ln(2mc²β²γ²/I) + ln(ξ/I) + j − β² − δ(βγ)], ξ = (K/2)⟨Z/A⟩ (x/β²), j = 0.200,
/// and the Landau full width at half maximum w = 4.018 ξ (PDG ibid.; Landau, J. Phys. USSR 8, 201 (1944)).
/// One step through the whole layer, mean loss from the Bethe formula (the loss of a muon is all continuous).
/// </summary>
public class EnergyLossFluctuationTests
{
    private const int Samples = 200_000;
    private readonly ITestOutputHelper _output;

    public EnergyLossFluctuationTests(ITestOutputHelper output) => _output = output;

    /// <summary>Silicon with PDG Atomic and Nuclear Properties constants (ρ 2.329 g/cm³, I 173 eV, Sternheimer
    /// −C 4.4355, x0 0.2015, x1 2.8716, a 0.14921, k 3.2546, δ0 0.14; X0 21.82 g/cm², E_c 40.19/39.05 MeV, R_M 4.944 cm,
    /// λ_I 46.52 cm, dE/dx_min 1.664 MeV cm²/g).</summary>
    private static readonly Material Silicon = new("Si", [new ElementComponent("Si", 14, 28.0855, 1.0)], 2.329, 21.82,
        40.19e-3, 39.05e-3, 4.944, 46.52, 1.664e-3, 173e-9, new SternheimerParameters(4.4355, 0.2015, 2.8716, 0.14921, 3.2546, 0.14));

    private static double LandauXiGeV(Material m, double xCm, double beta2) =>
        0.5 * PhysicalConstants.IonisationKGeVCm2PerMol * m.ZOverA * m.DensityGPerCm3 * xCm / beta2;

    private static double PdgMostProbableGeV(Material m, double xCm, double betaGamma)
    {
        double bg2 = betaGamma * betaGamma, beta2 = bg2 / (1.0 + bg2), xi = LandauXiGeV(m, xCm, beta2), i = m.MeanExcitationEnergyGeV;
        return xi * (Math.Log(2.0 * PhysicalConstants.ElectronMassGeV * bg2 / i) + Math.Log(xi / i) + 0.200 - beta2 - m.DensityEffect.Delta(betaGamma));
    }

    private static (double Mpv, double Fwhm, double Mean) Distribution(Material m, double xCm, double kineticGeV, double massGeV, ulong seed)
    {
        var model = new UrbanFluctuation(m);
        double mean = MuonStoppingPower.GeVPerCm(m, kineticGeV, massGeV) * xCm;
        double tmax = UrbanFluctuation.MaxTransferGeV(ShowerSpecies.MuonMinus, kineticGeV, massGeV);
        double hi = 2.0 * mean, width = hi / 400;
        var hist = new double[400];
        double sum = 0;
        for (int i = 0; i < Samples; i++)
        {
            EventRng rng = RngStreams.For(seed, StreamKind.Shower, (ulong)i);
            double loss = model.Sample(mean, kineticGeV, massGeV, tmax, tmax, xCm, ref rng);
            sum += loss;
            int b = (int)(loss / width);
            if (b < hist.Length) hist[b]++;
        }
        // 7-bin moving average, then the mode (parabola through the top three bins) and the half-maximum crossings.
        var sm = new double[hist.Length];
        for (int b = 3; b < hist.Length - 3; b++) for (int k = -3; k <= 3; k++) sm[b] += hist[b + k] / 7.0;
        int top = Array.IndexOf(sm, sm.Max());
        double y0 = sm[top - 1], y1 = sm[top], y2 = sm[top + 1];
        double mode = (top + 0.5 + 0.5 * (y0 - y2) / (y0 - 2 * y1 + y2)) * width;
        double half = 0.5 * y1;
        int l = top; while (sm[l] > half) l--;
        int r = top; while (sm[r] > half) r++;
        double left = (l + 0.5 + (half - sm[l]) / (sm[l + 1] - sm[l])) * width;
        double right = (r - 0.5 + (sm[r - 1] - half) / (sm[r - 1] - sm[r])) * width;
        return (mode, right - left, sum / Samples);
    }

    private (double Mpv, double Fwhm, double Xi, double Pdg) Measure(string material, double xCm, double betaGamma)
    {
        Material m = material == "Si" ? Silicon : MaterialCatalog.Polystyrene;
        double mass = PhysicalConstants.MuonMassGeV;
        double t = mass * (Math.Sqrt(1.0 + betaGamma * betaGamma) - 1.0);
        (double mpv, double fwhm, double mean) = Distribution(m, xCm, t, mass, 41);
        double beta2 = betaGamma * betaGamma / (1.0 + betaGamma * betaGamma);
        double xi = LandauXiGeV(m, xCm, beta2), pdg = PdgMostProbableGeV(m, xCm, betaGamma);
        double expectedMean = MuonStoppingPower.GeVPerCm(m, t, mass) * xCm;
        _output.WriteLine($"{material} {xCm * 10} mm βγ={betaGamma}: Δp {mpv * 1e6:F2} keV (PDG {pdg * 1e6:F2}), " +
                          $"w {fwhm * 1e6:F2} keV (Landau 4.018ξ = {4.018 * xi * 1e6:F2}), mean {mean * 1e6:F2} keV (Bethe {expectedMean * 1e6:F2})");
        // The sampled mean is the input mean loss within 4 standard errors; the variance of the loss is Bohr's
        // 2π r_e² m_e n_e x (T_max/β² − T_max/2), dominated by rare hard δ rays.
        double tmax = UrbanFluctuation.MaxTransferGeV(ShowerSpecies.MuonMinus, t, mass);
        double re = PhysicalConstants.ClassicalElectronRadiusCm;
        double variance = 2.0 * Math.PI * re * re * PhysicalConstants.ElectronMassGeV * m.ElectronDensityPerCm3 * xCm * (tmax / beta2 - 0.5 * tmax);
        Tolerance.Abs(4.0 * Math.Sqrt(variance / Samples), "4 standard errors of the mean (Bohr variance)").AssertClose(expectedMean, mean, $"⟨Δ⟩ {material} βγ={betaGamma}");
        return (mpv, fwhm, xi, pdg);
    }

    [Fact]   // MIP (βγ = 3.5) in 1.5 mm scintillator: Δp within 5 % of the PDG formula, FWHM within 10 % of Landau's 4.018 ξ
    public void Mip_in_scintillator_matches_pdg_most_probable_loss_and_landau_width()
    {
        (double mpv, double fwhm, double xi, double pdg) = Measure("Sc", 0.15, 3.5);
        Tolerance.Rel(0.05, "PDG Review §34.2.9 eq. 34.12 (Landau–Vavilov–Bichsel Δp)").AssertClose(pdg, mpv, "Δp(Sc 1.5 mm, βγ 3.5)");
        Tolerance.Rel(0.10, "Landau FWHM 4.018 ξ (PDG §34.2.9)").AssertClose(4.018 * xi, fwhm, "w(Sc 1.5 mm, βγ 3.5)");
    }

    [Fact]   // MIP (βγ = 3.5) in 300 µm Si: Δp within 7 % of the PDG formula. The formula is the Landau–Vavilov result with
             // Bichsel's j = 0.200; for a 300 µm Si layer its own accuracy against Bichsel's atomic calculation is a few %
             // (PDG §34.2.9, Fig. 34.8), so 7 % = the 5 % allowed above plus 2 % for the formula. Measured today: +5.6 %.
    public void Mip_in_silicon_matches_pdg_most_probable_loss()
    {
        (double mpv, _, _, double pdg) = Measure("Si", 0.03, 3.5);
        Tolerance.Rel(0.07, "PDG Review §34.2.9 eq. 34.12, thin-Si accuracy of the formula included").AssertClose(pdg, mpv, "Δp(Si 300 µm, βγ 3.5)");
    }

    [Fact]   // the width in 1.5 mm scintillator on the relativistic rise, Landau's 4.018 ξ within 10 %
    public void Relativistic_muon_width_in_scintillator_matches_landau()
    {
        (_, double fwhm, double xi, _) = Measure("Sc", 0.15, 95.0);
        Tolerance.Rel(0.10, "Landau FWHM 4.018 ξ (PDG §34.2.9)").AssertClose(4.018 * xi, fwhm, "w(Sc 1.5 mm, βγ 95)");
    }

    // Gold values: seed 41, 200 000 samples of one step (this test's Distribution); tolerance 1 %, two histogram bins.
    [Theory]
    [InlineData("Si", 0.03, 95.0, 96.34, "the whole loss up to W_max is continuous for muons: Urban ties Δp to the mean, whose relativistic rise (hard δ rays) the most probable loss does not share")]
    [InlineData("Sc", 0.15, 95.0, 246.28, "as for Si at βγ 95: the mean loss up to W_max rises, the most probable loss saturates (Fermi plateau)")]
    public void Most_probable_loss_known_discrepancies(string material, double xCm, double betaGamma, double goldKeV, string reason)
    {
        (double mpv, _, _, double pdg) = Measure(material, xCm, betaGamma);
        KnownDiscrepancy.Pin(_output, $"Δp({material} {xCm * 10} mm, muon βγ {betaGamma}), keV", mpv * 1e6,
            new GoldValue(goldKeV, 0.01 * goldKeV, "seed 41, 200 000 one-step samples"),
            new PhysicsTarget(pdg * 1e6, 0.05 * pdg * 1e6, "PDG Review §34.2.9 eq. 34.12 (Landau–Vavilov–Bichsel Δp)"), reason);
    }
}
