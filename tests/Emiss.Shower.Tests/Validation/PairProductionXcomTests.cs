using System.Globalization;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Shower.Processes.PairProduction;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// The engine's pair-production cross section per atom (nuclear and electron field together, the one the process tabulates)
/// against NIST XCOM's (Hubbell, Gimm and Øverbø 1980) from 3 MeV to 100 GeV, the range in which a shower's photons
/// convert: until now the cross section was checked only through the total attenuation up to 20 MeV and at its
/// high-energy limit (7/9 A/(N_A X0)). Criterion, as for the attenuation below 20 MeV (<see cref="LowEnergyPhotonTests"/>):
/// within 3 % at every tabulated energy. Measured (docs/physics/pair-production.md#against-xcom-up-to-100-gev): Pb
/// 0.989–1.025 (1.012 above 1 GeV), W 0.990–1.019, Fe 0.998–1.010; carbon exceeds XCOM by up to 6 % at 8–20 MeV, where
/// Tsai's electron-field term, written without the triplet threshold, is too large — a pinned known discrepancy.
/// </summary>
public class PairProductionXcomTests(ITestOutputHelper output)
{
    private const string File = "nist_xcom_pair_production_Pb_W_Fe_C.csv";

    public static TheoryData<int> Elements() => [82, 74, 26];

    [Theory]
    [MemberData(nameof(Elements))]
    public void Pair_cross_section_matches_xcom_from_3_MeV_to_100_GeV(int z)
    {
        ReferenceCsv csv = ReferenceCsv.Load(File);
        var misses = new List<string>();
        foreach ((double eMeV, double xcom, double ours) in Points(csv, z))
        {
            output.WriteLine($"Z = {z}, {eMeV} MeV: engine {ours:F4} b, XCOM {xcom:F4} b, ratio {ours / xcom:F4}");
            if (!(Math.Abs(ours / xcom - 1) <= 0.03)) misses.Add($"{eMeV} MeV: {ours / xcom:F4}");
        }
        Assert.True(misses.Count == 0, $"σ_pair(Z = {z}) outside 3 % of XCOM ({csv.Source}) at {string.Join(", ", misses)}");
    }

    [Fact]
    public void Pair_cross_section_of_carbon_above_xcom_near_10_MeV_is_a_known_discrepancy()
    {
        var carbon = Points(ReferenceCsv.Load(File), 6).ToList();
        foreach ((double e, double x, double o) in carbon)
            output.WriteLine($"Z = 6, {e} MeV: engine {o:F5} b, XCOM {x:F5} b, ratio {o / x:F4}");
        (double eMeV, double xcom, double ours) = carbon.Single(p => p.EMeV == 10);
        KnownDiscrepancy.Pin(output, $"σ_pair(C, {eMeV} MeV) / XCOM", ours / xcom,
            new GoldValue(1.0597, 0.001, "2026-12-06, a deterministic quadrature; tolerance 10⁻³ for the quadrature and the table's digits"),
            new PhysicsTarget(1.0, 0.03, "NIST XCOM (Hubbell, Gimm and Øverbø 1980), within 3 % as for Pb, W and Fe"),
            "Tsai's electron-field (triplet, Z) term follows the nuclear term's energy dependence and has no threshold of its own " +
            "(4 m_e, with the recoiling atomic electron); XCOM's triplet at 10 MeV is 12 % of its high-energy value in carbon against " +
            "26 % for the nuclear pair. In carbon the triplet is a sixth of the total, in lead 1.5 %: the excess reaches 6 % at " +
            "8–20 MeV in carbon and stays within 1 % of XCOM above 300 MeV. It acts on conversions in the scintillator only");
    }

    /// <summary>(E in MeV, XCOM nuclear + electron field, engine) in barns for element <paramref name="z"/>.</summary>
    private static IEnumerable<(double EMeV, double Xcom, double Ours)> Points(ReferenceCsv csv, int z)
    {
        BremsstrahlungElement element = BremsstrahlungElement.For(z);
        string zText = z.ToString(CultureInfo.InvariantCulture);
        foreach (double[] r in csv.Numbers(row => row[0] == zText, "e_mev", "pair_nuclear_b", "pair_electron_b"))
            yield return (r[0], r[1] + r[2], PairProductionXsCalculator.CrossSectionCm2(element, r[0] * 1e-3) * 1e24);
    }
}
