using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.Widths;
using Emiss.Physics.YieldModels;
using Emiss.Signal.AnalyticYield;
using Emiss.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Emiss.Signal.Tests.AnalyticYield;

/// <summary>
/// The beam positron's resonant annihilation in a thick target (docs/physics/projections.md#positron-beam): narrow-width
/// closed form, position of the dip at m = √(2 m_e E₊) and its width.
/// </summary>
public class PrimaryPositronAnnihilationYieldTests(ITestOutputHelper output)
{
    private const double Beam = 100;
    private static readonly Material Pb = MaterialCatalog.Lead;

    private static double MassForResonanceAt(double positronGeV) =>
        Math.Sqrt(2 * PhysicalConstants.ElectronMassGeV * positronGeV + 2 * PhysicalConstants.ElectronMassGeV * PhysicalConstants.ElectronMassGeV);

    [Fact]
    public void Narrow_width_yield_is_electrons_per_X0_times_T1_at_E_R_times_2pi2_alpha_over_m_e()
    {
        // docs/physics/resonant-annihilation.md#narrow-width-limit: n = N_A X0 (Z/A) T₁(E_R) 2π²α/m_e (ħc)² at ε = 1 and
        // BR(χχ̄) = 1. α_D = 0.01 gives Γ/m ≈ 3e-3: tails beyond the window and T₁'s slope across the peak stay below 2 %.
        var y = new PrimaryPositronAnnihilationYield(Pb, Energy.FromGeV(Beam), 0.5, alphaDark: 0.01);
        foreach (double eR in new[] { 60.0, 70.0, 80.0 })
        {
            double m = MassForResonanceAt(eR);
            double expected = PhysicalConstants.AvogadroPerMol * Pb.RadiationLengthGPerCm2 * Pb.ZOverA * TsaiTrackLength.PerGeV(Beam, eR)
                              * 2 * Math.PI * Math.PI * PhysicalConstants.Alpha / PhysicalConstants.ElectronMassGeV * PhysicalConstants.HbarCSquaredGeV2Cm2;
            Tolerance.Rel(0.02, "narrow-width limit at Γ/m = 3e-3 (Breit–Wigner tails, T₁ slope)").AssertClose(expected, y.PerElectronOnTargetAtEps1(Mass.FromGeV(m)), $"n_ann at E_R = {eR} GeV");
        }
    }

    [Fact]
    public void The_dip_sits_at_sqrt_2_me_E_and_is_about_one_width_wide_above_it()
    {
        // T₁(E) grows without bound as E → E0 (the positron before its first hard photon), so the yield peaks where the
        // resonance meets the beam energy, m_R = √(2 m_e E₊ + 2m_e²); above m_R only the Breit–Wigner tail of σ remains,
        // falling as Γ²/(4(m − m_R)²) for a thin target (m² − s ≈ 2 m_R (m − m_R)).
        const double alphaD = 0.01;
        var y = new PrimaryPositronAnnihilationYield(Pb, Energy.FromGeV(Beam), 0.5, alphaD);
        double mR = PrimaryPositronAnnihilationYield.ResonantMassGeV(Beam);
        Tolerance.Rel(1e-5, "the 2m_e² term shifts m_R by m_e²/m_R").AssertClose(Math.Sqrt(2 * PhysicalConstants.ElectronMassGeV * Beam), mR, "m_R ≈ √(2 m_e E)");
        double gamma = DarkPhotonWidths.ToDiracFermions(mR, mR / 3, alphaD);
        double[] masses = Enumerable.Range(-40, 81).Select(k => mR + k * gamma / 8).ToArray();
        double[] n = masses.Select(m => y.PerElectronOnTargetAtEps1(Mass.FromGeV(m))).ToArray();
        int peak = Array.IndexOf(n, n.Max());
        output.WriteLine($"m_R = {mR * 1e3:F3} MeV, Γ = {gamma * 1e3:F4} MeV, peak at {(masses[peak] - mR) / gamma:F3} Γ, n_max = {n[peak]:G4}");
        for (int i = 0; i < masses.Length; i += 4) output.WriteLine($"  m − m_R = {(masses[i] - mR) / gamma,6:F2} Γ  n = {n[i]:G4}");
        Assert.InRange((masses[peak] - mR) / gamma, -1.0, 0.5);
        // Half maximum on the high side within [0, 1.5] Γ of m_R (the thin-target Breit–Wigner gives Γ/2).
        int half = Enumerable.Range(peak, masses.Length - peak).First(i => n[i] < 0.5 * n[peak]);
        double above = (masses[half] - mR) / gamma;
        Assert.InRange(above, 0.0, 1.5);
        // Five widths above the resonance the yield is below 5 % of the peak.
        Assert.True(n[^1] < 0.05 * n[peak], $"n(m_R + 5Γ)/n_max = {n[^1] / n[peak]:G3}");
    }

    [Fact]
    public void No_yield_below_two_electron_masses_and_little_far_below_the_signal_window()
    {
        var y = new PrimaryPositronAnnihilationYield(Pb, Energy.FromGeV(Beam), 0.5, alphaDark: 0.01);
        Assert.Equal(0.0, y.PerElectronOnTargetAtEps1(Mass.FromMeV(1.0)));
        // E_R = 10 GeV, far below E_cut = 50 GeV: only the far Breit–Wigner tail reaches the window. Its share relative
        // to a resonance inside is about mΓ/(π (s_cut − m²)) ≈ 3e-5/(π · 0.041) ≈ 2.4e-4 times T₁ ratios of a few.
        double far = y.PerElectronOnTargetAtEps1(Mass.FromGeV(MassForResonanceAt(10)));
        double inside = y.PerElectronOnTargetAtEps1(Mass.FromGeV(MassForResonanceAt(70)));
        Assert.True(far > 0 && far < 5e-3 * inside, $"far/inside = {far / inside:G3}");
    }
}
