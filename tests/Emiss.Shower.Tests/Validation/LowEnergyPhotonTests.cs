using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Numerics;
using Emiss.Core.Random;
using Emiss.Shower.Materials;
using Emiss.Shower.PhysicsList;
using Emiss.Shower.Processes;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.Compton;
using Emiss.Shower.Processes.PairProduction;
using Emiss.Shower.Processes.Photoelectric;
using Emiss.Shower.Processes.PhotonData;
using Emiss.Shower.Processes.Rayleigh;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// The photon cross sections below a few MeV (xraylib tables for photoabsorption, Rayleigh and bound Compton; Tsai pair)
/// against NIST XCOM, which is an independent evaluation (XCOM's photoabsorption is Scofield's, like xraylib's, but its
/// scattering is Hubbell's evaluation and the totals were built independently of this engine).
/// </summary>
public class LowEnergyPhotonTests
{
    private const string Xcom = "nist_xcom_photon_attenuation_Pb_Fe_Al.csv";
    private readonly ITestOutputHelper _output;

    public LowEnergyPhotonTests(ITestOutputHelper output) => _output = output;

    private static readonly Dictionary<int, Material> ByZ = new()
    {
        [82] = MaterialCatalog.Lead, [26] = MaterialCatalog.Iron, [13] = MaterialCatalog.Aluminium, [74] = MaterialCatalog.ByName("W"),
    };

    private static IProcess[] PhotonProcesses(Material m)
    {
        var set = new ShowerMaterialSet([new ShowerMaterial(0, m, 1e-3, 1e-4)]);
        return [new PhotoelectricProcess(set), new RayleighProcess(set), new ComptonProcess(set), new PairProductionProcess(set, EnergyGrid.Standard)];
    }

    private static double MassCoefficient(IProcess p, Material m, double kGeV) =>
        p.InverseMeanFreePathPerCm(0, ShowerSpecies.Gamma, kGeV) / m.DensityGPerCm3;

    public static TheoryData<int, double> XcomPoints() => Points(Xcom);

    [Theory]   // mass attenuation coefficient μ/ρ (coherent included) within 3 % of XCOM
    [MemberData(nameof(XcomPoints))]
    public void Total_attenuation_matches_xcom(int z, double eMeV) => AssertTotalAttenuation(Xcom, z, eMeV);

    private const string Nist = "nist_xraymasscoef_Pb_W_Fe_1to20MeV.csv";

    public static TheoryData<int, double> NistPairRegionPoints() => Points(Nist);

    [Theory]   // μ/ρ within 3 % of NIST's tables from 1.25 to 20 MeV, where pair production takes over from Compton scattering
               // (docs/physics/pair-production.md#near-threshold). The Tsai integral alone was 11 % low in Pb at 2–3 MeV.
    [MemberData(nameof(NistPairRegionPoints))]
    public void Total_attenuation_matches_nist_where_pair_production_takes_over(int z, double eMeV) => AssertTotalAttenuation(Nist, z, eMeV);

    /// <summary>The (Z, E in MeV) rows of a reference file with z, e_mev and total columns.</summary>
    private static TheoryData<int, double> Points(string file)
    {
        var data = new TheoryData<int, double>();
        foreach (double[] r in ReferenceCsv.Load(file).Numbers(_ => true, "z", "e_mev")) data.Add((int)r[0], r[1]);
        return data;
    }

    /// <summary>The model's μ/ρ (all photon processes) within 3 % of the file's total at (Z, E).</summary>
    private void AssertTotalAttenuation(string file, int z, double eMeV)
    {
        ReferenceCsv csv = ReferenceCsv.Load(file);
        double total = csv.Numbers(r => r[0] == z.ToString() && double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) == eMeV, "total").Single()[0];
        Material m = ByZ[z];
        double model = PhotonProcesses(m).Sum(p => MassCoefficient(p, m, eMeV * 1e-3));
        _output.WriteLine($"μ/ρ(Z={z}, {eMeV} MeV): model {model:F5}, reference {total:F5}, ratio {model / total:F4}");
        Tolerance.Rel(0.03, csv.Source).AssertClose(total, model, $"μ/ρ(Z={z}, {eMeV} MeV), cm²/g");
    }

    [Fact]   // the blend of Urban's fit into the Tsai integral (5–10 MeV) leaves no step: both ends agree within 2 % for Fe, W, Pb
    public void Pair_cross_section_fit_and_Tsai_integral_agree_at_the_joint()
    {
        foreach (int z in new[] { 26, 74, 82 })
        {
            BremsstrahlungElement el = BremsstrahlungElement.For(z);
            double k = PairProductionXsCalculator.TsaiOnlyAboveGeV;
            double ratio = PairProductionXsCalculator.TsaiCrossSectionCm2(el, k) / PairProductionXsCalculator.UrbanFitCm2(z, k);
            _output.WriteLine($"Z={z}: σ_Tsai/σ_fit at 10 MeV = {ratio:F4}");
            Assert.InRange(ratio, 0.98, 1.02);
        }
    }

    [Fact]   // near threshold the energy sharing is sampled for every element of the catalogue and every k (no rejection loop stalls)
    public void Pair_energy_sharing_is_sampled_near_threshold()
    {
        foreach (int z in new[] { 1, 6, 8, 13, 18, 26, 74, 82, 83 })
        {
            BremsstrahlungElement el = BremsstrahlungElement.For(z);
            foreach (double kMeV in new[] { 1.03, 1.5, 1.99, 2.0, 2.2, 3.0, 5.0 })
            {
                double k = kMeV * 1e-3, xmin = PhysicalConstants.ElectronMassGeV / k;
                EventRng rng = RngStreams.For(12, StreamKind.Shower, (ulong)(z * 100 + kMeV * 10));
                for (int i = 0; i < 200; i++)
                    Assert.InRange(PairProductionSampler.SampleX(el, k, ref rng), xmin, 1.0 - xmin);
            }
        }
    }

    [Theory]   // each partial cross section of Pb and Al where XCOM quotes it; photoabsorption within 3 % (Scofield in both),
               // coherent within 5 % (form-factor evaluations differ by a few %), incoherent within 3 %
    [MemberData(nameof(XcomPoints))]
    public void Partial_cross_sections_match_xcom_and_coherent_is_not_absorption(int z, double eMeV)
    {
        ReferenceCsv csv = ReferenceCsv.Load(Xcom);
        double[] x = csv.Numbers(r => r[0] == z.ToString() && double.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) == eMeV,
            "coherent", "incoherent", "photoelectric").Single();
        if (x[0] < 0) return;   // Fe: the NIST table quotes totals only (checked above)
        Material m = ByZ[z];
        double k = eMeV * 1e-3;
        IProcess[] p = PhotonProcesses(m);
        // Above 0.8 MeV the photoabsorption is a power-law extension of the table (ElementPhotonTable): 5 % there.
        Tolerance.Rel(eMeV > 0.8 ? 0.05 : 0.03, csv.Source).AssertClose(x[2], MassCoefficient(p[0], m, k), $"photoabsorption(Z={z}, {eMeV} MeV)");
        Tolerance.Rel(0.05, csv.Source).AssertClose(x[0], MassCoefficient(p[1], m, k), $"coherent(Z={z}, {eMeV} MeV)");
        Tolerance.Rel(0.03, csv.Source).AssertClose(x[1], MassCoefficient(p[2], m, k), $"incoherent(Z={z}, {eMeV} MeV)");
        // The coherent part is its own process: photoabsorption stays below XCOM's photoelectric + coherent by most of the coherent part.
        Assert.True(MassCoefficient(p[0], m, k) < x[2] + 0.5 * x[0], $"coherent scattering booked as absorption at {eMeV} MeV (Z={z})");
    }

    [Fact]   // the Pb K edge: XCOM photoabsorption 1.547 cm²/g just below 88.0 keV and 7.321 just above (jump 4.73)
    public void Lead_K_edge_jump_matches_xcom()
    {
        double toMass = PhysicalConstants.AvogadroPerMol / 207.2;
        double below = PhotoelectricData.CrossSectionCm2(82, PhotoelectricData.LeadKEdgeGeV * 0.9999) * toMass;
        double above = PhotoelectricData.CrossSectionCm2(82, PhotoelectricData.LeadKEdgeGeV * 1.0001) * toMass;
        Tolerance.Rel(0.03, "NIST XCOM Pb at 88.0045 keV (same source as " + Xcom + ")").AssertClose(1.547, below, "τ(Pb, K edge −)");
        Tolerance.Rel(0.03, "NIST XCOM Pb at 88.0045 keV").AssertClose(7.321, above, "τ(Pb, K edge +)");
    }

    [Theory]   // the form factor should integrate to the coherent cross section of XCOM:
               // σ_coh = π r_e² ∫ (1 + cos²θ) F²(x, Z) d cosθ (Hubbell et al. 1975), within 5 %. xraylib's FF_Rayl
               // (non-relativistic form factors) integrates 8–11 % below its own CS_Rayl and XCOM, so the engine takes
               // the cross section from CS_Rayl and only the angular shape from F; the shortfall is pinned.
               // Gold values: deterministic quadrature at commit of this test (tolerance 1 %, quadrature accuracy).
    [InlineData(0.1, 0.2128, 0.19554)]
    [InlineData(0.4, 0.01746, 0.015517)]
    public void Lead_form_factor_integrates_to_xcom_coherent(double eMeV, double xcomCoherent, double gold)
    {
        RayleighFormFactor ff = PhotonDataLibrary.FormFactor(82);
        double k = eMeV * 1e-3, re2 = PhysicalConstants.ClassicalElectronRadiusCm * PhysicalConstants.ClassicalElectronRadiusCm;
        // integrate in ln(1 − cosθ) to resolve the forward peak
        double integral = GaussLegendre.Integrate(l =>
        {
            double oneMinus = Math.Exp(l), c = 1.0 - oneMinus;
            double f = ff.F(RayleighFormFactor.MomentumTransferPerAngstrom(k, c));
            return (1.0 + c * c) * f * f * oneMinus;
        }, Math.Log(1e-12), Math.Log(2.0), 60);
        double massCoefficient = Math.PI * re2 * integral * PhysicalConstants.AvogadroPerMol / 207.2;
        KnownDiscrepancy.Pin(_output, $"σ_coh(Pb, {eMeV} MeV) from the xraylib form factor, cm²/g", massCoefficient,
            new GoldValue(gold, 0.01 * gold, "16-point Gauss–Legendre quadrature, 60 panels in ln(1 − cosθ)"),
            new PhysicsTarget(xcomCoherent, 0.05 * xcomCoherent, "NIST XCOM Pb coherent (" + Xcom + ")"),
            "FF_Rayl are non-relativistic form factors; XCOM and CS_Rayl use relativistic ones (Hubbell and Øverbø 1979), larger at high x");
    }

    [Theory]   // sampler consistency: the sampled mean of 1 − cosθ equals the quadrature of the same dσ/dΩ, within 4σ_mean
    [InlineData(0.1)]
    [InlineData(0.02)]
    [InlineData(1.0)]
    public void Rayleigh_angle_sampler_reproduces_its_distribution(double eMeV)
    {
        RayleighFormFactor ff = PhotonDataLibrary.FormFactor(82);
        double k = eMeV * 1e-3;
        double W(double c) { double f = ff.F(RayleighFormFactor.MomentumTransferPerAngstrom(k, c)); return (1.0 + c * c) * f * f; }
        double num = GaussLegendre.Integrate(l => { double o = Math.Exp(l); return o * o * W(1.0 - o); }, Math.Log(1e-12), Math.Log(2.0), 60);
        double den = GaussLegendre.Integrate(l => { double o = Math.Exp(l); return o * W(1.0 - o); }, Math.Log(1e-12), Math.Log(2.0), 60);
        const int n = 40_000;
        double s = 0, s2 = 0;
        for (int i = 0; i < n; i++)
        {
            EventRng rng = RngStreams.For(11, StreamKind.Shower, (ulong)i);
            double v = 1.0 - ff.SampleCosTheta(k, ref rng);
            s += v; s2 += v * v;
        }
        double mean = s / n, sigma = Math.Sqrt((s2 / n - mean * mean) / n);
        Assert.True(Math.Abs(mean - num / den) < 4 * sigma + 0.01 * num / den,
            $"Rayleigh ⟨1 − cosθ⟩(Pb, {eMeV} MeV): sampled {mean:G5} ± {sigma:G2}, quadrature {num / den:G5}");
    }
}
