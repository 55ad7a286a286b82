using System.Globalization;
using Emiss.Core.Constants;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// The shape of the engine's bremsstrahlung spectrum in lead (the ECAL's absorber), iron (the HCAL's) and carbon (the
/// scintillators'), k dσ/dk per atom
/// (Tsai's bracket with the low-energy factors, no LPM or dielectric suppression, which the tables do not contain), against
/// Seltzer and Berger's tables (reference <c>seltzer_berger_brems_spectrum_Pb_Fe_C.csv</c>): the radiative stopping power
/// test checks only the integral over k.
/// Criterion, that of the stopping power (3 %), at every tabulated point of the spectrum's bulk: κ = k/T ≤ 0.8 at
/// T ≥ 50 MeV. Outside it the shape is a known discrepancy: Tsai's Born-approximation shape falls towards the tip
/// (κ → 1, a slow outgoing electron), where the tables stay finite (partial-wave results up to 2 MeV, the Coulomb-corrected
/// high-energy theory from 50 MeV, interpolated between), and below 50 MeV the
/// low-energy factors rescale that shape to the tables' integral rather than reproduce it
/// (docs/physics/bremsstrahlung.md#spectrum-against-seltzer-and-berger).
/// </summary>
public class BremsstrahlungSpectrumTests(ITestOutputHelper output)
{
    private const string File = "seltzer_berger_brems_spectrum_Pb_Fe_C.csv";

    public static TheoryData<int, double> BulkPoints()
    {
        var data = new TheoryData<int, double>();
        foreach (int z in new[] { 82, 26, 6 })
            foreach (double t in new double[] { 50, 100, 200, 500, 1000, 2000, 5000, 10000 }) data.Add(z, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(BulkPoints))]
    public void Spectrum_matches_Seltzer_Berger_away_from_the_tip(int z, double tMeV)
    {
        var misses = new List<string>();
        foreach ((double kappa, double ratio) in Ratios(z, tMeV).Where(p => p.Kappa <= 0.8))
        {
            if (!(Math.Abs(ratio - 1) <= 0.03)) misses.Add(string.Create(CultureInfo.InvariantCulture, $"κ = {kappa}: {ratio:F4}"));
        }
        Assert.True(misses.Count == 0, $"k dσ/dk (Z = {z}, T = {tMeV} MeV) outside 3 % of Seltzer–Berger at {string.Join(", ", misses)}");
    }

    [Theory]
    [InlineData(82, 10.0, 0.9, 0.75689)]
    [InlineData(82, 1000.0, 0.995, 0.94773)]
    [InlineData(6, 1.0, 0.9, 1.5301)]
    public void Spectrum_near_the_tip_is_a_known_discrepancy(int z, double tMeV, double kappa, double gold)
    {
        double ratio = Ratios(z, tMeV).Single(p => p.Kappa == kappa).Ratio;
        KnownDiscrepancy.Pin(output, $"k dσ/dk (Z = {z}, T = {tMeV} MeV, κ = {kappa}) / Seltzer–Berger", ratio,
            new GoldValue(gold, 1e-3, "2026-12-06, a deterministic evaluation; tolerance for the table's five digits"),
            new PhysicsTarget(1.0, 0.03, "Seltzer and Berger, At. Data Nucl. Data Tables 35, 345 (1986), within 3 % as for the stopping power"),
            "Tsai's bracket is the screened Born-approximation (Bethe–Heitler) spectrum, which falls to the tip while the tables " +
            "(partial waves up to 2 MeV, Coulomb-corrected high-energy theory from 50 MeV) stay finite; the low-energy factors " +
            "(LowEnergyBremsstrahlungCorrection) scale the nuclear and " +
            "electron terms to the tables' radiative stopping power and leave the shape: in lead at 10 MeV the spectrum lies " +
            "3.5–5.4 % above the tables for κ ≤ 0.5 and 10–99 % below them for κ ≥ 0.8; at 1 GeV only κ = 0.995 is low. In carbon " +
            "the tip is high instead (1 MeV: ×1.5 at κ = 0.9, ×3 at 0.995): a sixth of its bremsstrahlung comes from the atomic " +
            "electrons, whose spectrum ends below the tip (the recoiling electron takes energy), while the Z term of Tsai's " +
            "bracket runs to κ = 1 and the low-energy factor lowers it uniformly");
    }

    /// <summary>(κ, engine/table) at every tabulated κ for electrons of <paramref name="tMeV"/> in element <paramref name="z"/>.</summary>
    private IEnumerable<(double Kappa, double Ratio)> Ratios(int z, double tMeV)
    {
        ReferenceCsv csv = ReferenceCsv.Load(File);
        BremsstrahlungElement element = BremsstrahlungElement.For(z);
        double me = PhysicalConstants.ElectronMassGeV, e = tMeV * 1e-3 + me, beta2 = 1 - me * me / (e * e);
        const double MbPerCm2 = 1e27;
        string zText = z.ToString(CultureInfo.InvariantCulture);
        foreach (double[] r in csv.Numbers(row => row[0] == zText && double.Parse(row[1], CultureInfo.InvariantCulture) == tMeV, "kappa", "chi_mb"))
        {
            double kDsigmaDk = BremsstrahlungXsCalculator.AlphaRe2Cm2 * BremsstrahlungXsCalculator.TsaiBracket(element, e, r[0] * tMeV * 1e-3);
            double chi = beta2 / ((double)z * z) * kDsigmaDk * MbPerCm2;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Z = {z}, T = {tMeV} MeV, κ = {r[0]}: engine {chi:F5} mb, table {r[1]:F5} mb, ratio {chi / r[1]:F4}"));
            yield return (r[0], chi / r[1]);
        }
    }
}
