using Emiss.Core.Constants;
using Emiss.Physics.Widths;

namespace Emiss.Signal.Processes;

/// <summary>
/// Resonant e⁺e⁻ → A′ → χχ̄ on atomic electrons at rest (docs/physics/resonant-annihilation.md#cross-section; Marsicano et al., PRD 98, 015031 (2018);
/// NA64, PRD 104, L091701 (2021)), Dirac dark-matter fermions χ:
/// σ(s) = 4π α ε² α_D (q/√s)[s − (4/3)q²] / [(s − m²)² + m²Γ²], s = 2 m_e E₊ + 2 m_e², q = (√s/2)√(1 − 4m_χ²/s),
/// Γ = Γ(A′→e⁺e⁻) + Γ(A′→χχ̄) at the run coupling. Per target electron; multiply by Z n (= n_e).
/// Its energy integral in the narrow-width limit is 2π²αε²/m_e (BR(χχ̄) = 1).
/// </summary>
public sealed class ResonantAnnihilationCrossSection
{
    /// <summary>Creates the cross section for A′ mass <paramref name="massGeV"/>, χ mass <paramref name="chiMassGeV"/>,
    /// dark coupling <paramref name="alphaDark"/>; the width includes Γ(A′→e⁺e⁻) at <paramref name="widthEpsilon"/>.</summary>
    public ResonantAnnihilationCrossSection(double massGeV, double chiMassGeV, double alphaDark, double widthEpsilon)
    {
        if (!(massGeV > 2 * PhysicalConstants.ElectronMassGeV)) throw new ArgumentOutOfRangeException(nameof(massGeV), massGeV, "A′ mass must exceed 2 m_e");
        if (!(chiMassGeV >= 0 && 2 * chiMassGeV < massGeV)) throw new ArgumentOutOfRangeException(nameof(chiMassGeV), chiMassGeV, "need 0 ≤ 2 m_χ < m_A′ (invisible decay open)");
        if (!(alphaDark > 0)) throw new ArgumentOutOfRangeException(nameof(alphaDark), alphaDark, "α_D must be > 0");
        MassGeV = massGeV;
        ChiMassGeV = chiMassGeV;
        AlphaDark = alphaDark;
        WidthGeV = DarkPhotonWidths.ToLeptonPair(massGeV, widthEpsilon) + DarkPhotonWidths.ToDiracFermions(massGeV, chiMassGeV, alphaDark);
    }

    /// <summary>A′ mass, GeV.</summary>
    public double MassGeV { get; }

    /// <summary>χ mass, GeV.</summary>
    public double ChiMassGeV { get; }

    /// <summary>α_D.</summary>
    public double AlphaDark { get; }

    /// <summary>Total A′ width Γ, GeV.</summary>
    public double WidthGeV { get; }

    /// <summary>Resonant positron total energy E_R = (m² − 2m_e²)/(2m_e), GeV (docs/physics/resonant-annihilation.md#cross-section).</summary>
    public double ResonanceEnergyGeV => ResonanceEnergy(MassGeV);

    /// <summary>E_R = (m² − 2m_e²)/(2m_e) for A′ mass <paramref name="massGeV"/>, GeV.</summary>
    public static double ResonanceEnergy(double massGeV)
    {
        const double me = PhysicalConstants.ElectronMassGeV;
        return (massGeV * massGeV - 2 * me * me) / (2 * me);
    }

    /// <summary>Narrow-width energy integral ∫σ dE₊ = 2π²α/m_e at ε = 1, GeV⁻³ (multiply by (ħc)² for cm²·GeV).</summary>
    public static double NarrowWidthIntegralGeVm3 => 2 * Math.PI * Math.PI * PhysicalConstants.Alpha / PhysicalConstants.ElectronMassGeV;

    /// <summary>σ per target electron at ε = 1 (width fixed at construction) for positron total energy <paramref name="positronGeV"/>, cm².</summary>
    public double PerElectronCm2AtEps1(double positronGeV)
    {
        const double me = PhysicalConstants.ElectronMassGeV;
        double s = 2 * me * positronGeV + 2 * me * me;
        double mchi2 = ChiMassGeV * ChiMassGeV;
        if (s <= 4 * mchi2) return 0.0;
        double q2 = 0.25 * s * (1.0 - 4 * mchi2 / s);
        double q = Math.Sqrt(q2);
        double m2 = MassGeV * MassGeV;
        double d = s - m2;
        double num = 4 * Math.PI * PhysicalConstants.Alpha * AlphaDark * (q / Math.Sqrt(s)) * (s - 4.0 / 3.0 * q2);
        return num / (d * d + m2 * WidthGeV * WidthGeV) * PhysicalConstants.HbarCSquaredGeV2Cm2;
    }
}
