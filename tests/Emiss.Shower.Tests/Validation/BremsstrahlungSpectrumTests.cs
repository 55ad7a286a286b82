using System.Globalization;
using Emiss.Core.Constants;
using Emiss.Shower.Processes.Bremsstrahlung;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Shower.Tests.Validation;

/// <summary>
/// The engine's bremsstrahlung spectrum in lead (the ECAL's absorber), iron (the HCAL's) and carbon (the scintillators'),
/// k dσ/dk per atom without LPM or dielectric suppression (the tables have none), against Seltzer and Berger's tables
/// (reference <c>seltzer_berger_brems_spectrum_Pb_Fe_C.csv</c>, transcribed separately from the engine's embedded copy).
/// Above 50 MeV the engine uses Tsai's formula, an independent calculation: criterion 3 % (that of the radiative stopping
/// power) at every tabulated point of the bulk, κ = k/T ≤ 0.8; Tsai's Born shape at the very tip is a known discrepancy.
/// Below 50 MeV the engine's spectrum is the table itself (docs/physics/bremsstrahlung.md#tabulated-spectra-below-50-mev): that
/// test checks the embedded data, the conversion from χ = (β²/Z²) k dσ/dk and the interpolation's nodes, to the tables'
/// five digits.
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
    [InlineData(82)]
    [InlineData(26)]
    [InlineData(6)]
    public void Below_50_MeV_the_spectrum_is_the_Seltzer_Berger_table(int z)
    {
        foreach (double tMeV in new double[] { 1, 2, 5, 10, 20 })
            foreach ((double kappa, double ratio) in Ratios(z, tMeV, BremsstrahlungXsCalculator.Bracket))
                Assert.True(Math.Abs(ratio - 1) <= 2e-5, $"Z = {z}, T = {tMeV} MeV, κ = {kappa}: engine/table {ratio:F6}");
    }

    [Theory]   // Tsai's formula is an independent calculation: where the engine switches to it, the two must agree (3 %, as above)
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(18)]
    [InlineData(26)]
    [InlineData(74)]
    [InlineData(82)]
    [InlineData(83)]
    public void Switching_from_the_table_to_Tsai_at_50_MeV_leaves_no_step(int z)
    {
        (double lossRatio, double photonRatio) = StepAt50MeV(z);
        Assert.InRange(lossRatio, 0.97, 1.03);
        Assert.InRange(photonRatio, 0.97, 1.03);
    }

    [Fact]
    public void Hydrogen_photons_at_the_switch_are_a_known_discrepancy()
    {
        (double lossRatio, double photonRatio) = StepAt50MeV(1);
        Assert.InRange(lossRatio, 0.97, 1.03);
        KnownDiscrepancy.Pin(output, "hydrogen, photons above 1 MeV at 50 MeV: Tsai / Seltzer–Berger", photonRatio,
            new GoldValue(0.9435, 1e-3, "2026-12-06, a deterministic evaluation, hydrogen's exact screening functions"),
            new PhysicsTarget(1.0, 0.03, "Seltzer and Berger, At. Data Nucl. Data Tables 35, 345 (1986): the switch leaves no step"),
            "at 50 MeV the tables put hydrogen's soft photons (κ < 0.05) 35–60 % above any screened Bethe–Heitler form " +
            "(electron–electron bremsstrahlung, where the struck electron radiates too; Tsai's ψ term leaves that out), so " +
            "Tsai's bracket gives 5.6 % fewer photons above 1 MeV (the energy radiated agrees within 1 %); with Thomas–Fermi " +
            "screening it was 3.8 %. Hydrogen makes about 4.5 % of polystyrene's bremsstrahlung (Z(Z + 1) = 2 per atom against " +
            "carbon's 42), so the scintillator's step is about 0.25 %");
    }

    [Fact]
    public void Hydrogen_spectrum_above_50_MeV_matches_Seltzer_Berger()
    {
        // Hydrogen's table is the engine's embedded copy (transcribed twice independently; above 50 MeV the engine samples
        // Tsai's formula, not the table). Same criterion as for Pb, Fe and C: 3 % at κ ≤ 0.8.
        var misses = new List<string>();
        foreach (double tMeV in new double[] { 200, 500, 1000, 2000, 5000, 10000 })
            foreach ((double kappa, double ratio) in HydrogenRatios(tMeV))
                if (!(Math.Abs(ratio - 1) <= 0.03)) misses.Add(string.Create(CultureInfo.InvariantCulture, $"T = {tMeV} MeV, κ = {kappa}: {ratio:F4}"));
        Assert.True(misses.Count == 0, $"hydrogen k dσ/dk outside 3 % of Seltzer–Berger at {string.Join(", ", misses)}");
    }

    [Theory]
    [InlineData(50.0, 1.0724)]
    [InlineData(100.0, 1.0378)]
    public void Hydrogen_spectrum_near_the_switch_is_a_known_discrepancy(double tMeV, double gold)
    {
        double worst = HydrogenRatios(tMeV).Max(p => p.Ratio);
        KnownDiscrepancy.Pin(output, string.Create(CultureInfo.InvariantCulture, $"hydrogen k dσ/dk at T = {tMeV} MeV, κ ≤ 0.8, largest Tsai / Seltzer–Berger"), worst,
            new GoldValue(gold, 1e-3, "2026-12-06, a deterministic evaluation"),
            new PhysicsTarget(1.0, 0.03, "Seltzer and Berger, At. Data Nucl. Data Tables 35, 345 (1986), within 3 % as for Pb, Fe and C"),
            "the electron–electron part (half of hydrogen's bremsstrahlung) falls faster towards the tip in Haug's calculation, " +
            "which the tables use, than Tsai's ψ term, which neglects the struck electron's recoil; the largest excess is at " +
            "κ = 0.8 and shrinks with energy (3 % at 150 MeV, 0.6 % at 1 GeV)");
    }

    /// <summary>(κ, Tsai/table) for hydrogen at the table's κ in (0, 0.8] at kinetic energy <paramref name="tMeV"/>.</summary>
    private IEnumerable<(double Kappa, double Ratio)> HydrogenRatios(double tMeV)
    {
        BremsstrahlungElement h = BremsstrahlungElement.For(1);
        SeltzerBergerTable table = SeltzerBergerTable.For(1);
        double me = PhysicalConstants.ElectronMassGeV, t = tMeV * 1e-3, e = t + me, beta2 = 1 - me * me / (e * e);
        const double MbPerCm2 = 1e27;
        foreach (double kappa in new[] { 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8 })
        {
            double chi = beta2 * BremsstrahlungXsCalculator.AlphaRe2Cm2 * BremsstrahlungXsCalculator.TsaiBracket(h, e, kappa * t) * MbPerCm2;
            double reference = table.ChiMb(t, kappa);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"H, T = {tMeV} MeV, κ = {kappa}: Tsai {chi:F5} mb, table {reference:F5} mb, ratio {chi / reference:F4}"));
            yield return (kappa, chi / reference);
        }
    }

    /// <summary>Tsai / table at the 50 MeV switch: the radiated energy (k ≤ T) and the number of photons above 1 MeV.</summary>
    private (double Loss, double Photons) StepAt50MeV(int z)
    {
        BremsstrahlungElement element = BremsstrahlungElement.For(z);
        double below = BremsstrahlungXsCalculator.TableBelowKineticGeV * (1 - 1e-9), above = BremsstrahlungXsCalculator.TableBelowKineticGeV;
        double Loss(double t) => BremsstrahlungXsCalculator.EnergyLossBelowCutCm2GeV(element, t, t, 1.0, 1.0, false, false);
        double Photons(double t) => BremsstrahlungXsCalculator.CrossSectionAboveCutCm2(element, t, 1e-3, 1.0, 1.0, false, false);
        double lossRatio = Loss(above) / Loss(below), photonRatio = Photons(above) / Photons(below);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Z = {z} at 50 MeV, Tsai/table: radiative loss {lossRatio:F4}, photons above 1 MeV {photonRatio:F4}"));
        return (lossRatio, photonRatio);
    }

    [Fact]
    public void Spectrum_at_the_tip_above_50_MeV_is_a_known_discrepancy()
    {
        const int Z = 82;
        const double TMeV = 1000.0, Kappa = 0.995;
        double ratio = Ratios(Z, TMeV).Single(p => p.Kappa == Kappa).Ratio;
        KnownDiscrepancy.Pin(output, $"k dσ/dk (Z = {Z}, T = {TMeV} MeV, κ = {Kappa}) / Seltzer–Berger", ratio,
            new GoldValue(0.94773, 1e-3, "2026-12-06, a deterministic evaluation; tolerance for the table's five digits"),
            new PhysicsTarget(1.0, 0.03, "Seltzer and Berger, At. Data Nucl. Data Tables 35, 345 (1986), within 3 % as for the stopping power"),
            "Tsai's bracket is the screened Born-approximation (Bethe–Heitler) spectrum, which falls to the tip while the tables' " +
            "Coulomb-corrected high-energy theory stays finite; at 1 GeV only κ = 0.995 is low. Below 50 MeV, where the tip " +
            "was far worse (lead at 10 MeV: 10–99 % low for κ ≥ 0.8), the engine now samples the tables themselves");
    }

    /// <summary>(κ, engine/table) at every tabulated κ for electrons of <paramref name="tMeV"/> in element <paramref name="z"/>.</summary>
    private IEnumerable<(double Kappa, double Ratio)> Ratios(int z, double tMeV) => Ratios(z, tMeV, BremsstrahlungXsCalculator.TsaiBracket);

    private delegate double BracketFunction(in BremsstrahlungElement element, double totalEnergyGeV, double kGeV);

    private IEnumerable<(double Kappa, double Ratio)> Ratios(int z, double tMeV, BracketFunction bracket)
    {
        ReferenceCsv csv = ReferenceCsv.Load(File);
        BremsstrahlungElement element = BremsstrahlungElement.For(z);
        double me = PhysicalConstants.ElectronMassGeV, e = tMeV * 1e-3 + me, beta2 = 1 - me * me / (e * e);
        const double MbPerCm2 = 1e27;
        string zText = z.ToString(CultureInfo.InvariantCulture);
        foreach (double[] r in csv.Numbers(row => row[0] == zText && double.Parse(row[1], CultureInfo.InvariantCulture) == tMeV, "kappa", "chi_mb"))
        {
            double kDsigmaDk = BremsstrahlungXsCalculator.AlphaRe2Cm2 * bracket(element, e, r[0] * tMeV * 1e-3);
            double chi = beta2 / ((double)z * z) * kDsigmaDk * MbPerCm2;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Z = {z}, T = {tMeV} MeV, κ = {r[0]}: engine {chi:F5} mb, table {r[1]:F5} mb, ratio {chi / r[1]:F4}"));
            yield return (r[0], chi / r[1]);
        }
    }
}
