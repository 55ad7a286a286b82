using Emiss.Core.Constants;

namespace Emiss.Physics.Widths;

/// <summary>Partial widths of a vector A′ (docs/physics/decay-widths.md#formulas), GeV; masses in GeV.</summary>
public static class DarkPhotonWidths
{
    /// <summary>Γ(A′ → l⁺l⁻) = (αε²m/3)(1 + 2m_l²/m²) sqrt(1 − 4m_l²/m²); electron by default.</summary>
    public static double ToLeptonPair(double massGeV, double epsilon, double leptonMassGeV = PhysicalConstants.ElectronMassGeV)
    {
        double r = leptonMassGeV * leptonMassGeV / (massGeV * massGeV);
        return 4 * r >= 1 ? 0.0 : PhysicalConstants.Alpha * epsilon * epsilon * massGeV / 3.0 * (1 + 2 * r) * Math.Sqrt(1 - 4 * r);
    }

    /// <summary>Γ(A′ → χχ̄), Dirac χ: (α_D m/3)(1 + 2m_χ²/m²) sqrt(1 − 4m_χ²/m²).</summary>
    public static double ToDiracFermions(double massGeV, double chiMassGeV, double alphaDark)
    {
        double r = chiMassGeV * chiMassGeV / (massGeV * massGeV);
        return 4 * r >= 1 ? 0.0 : alphaDark * massGeV / 3.0 * (1 + 2 * r) * Math.Sqrt(1 - 4 * r);
    }

    /// <summary>Γ(A′ → χχ*), complex scalar χ: (α_D m/12)(1 − 4m_χ²/m²)^{3/2}.</summary>
    public static double ToComplexScalars(double massGeV, double chiMassGeV, double alphaDark)
    {
        double r = chiMassGeV * chiMassGeV / (massGeV * massGeV);
        return 4 * r >= 1 ? 0.0 : alphaDark * massGeV / 12.0 * Math.Pow(1 - 4 * r, 1.5);
    }

    /// <summary>Invisible branching ratio Γ_χ/(Γ_χ + Γ_ee) for a Dirac χ (other visible channels neglected below 2m_μ).</summary>
    public static double InvisibleBranchingDirac(double massGeV, double epsilon, double chiMassGeV, double alphaDark)
    {
        double inv = ToDiracFermions(massGeV, chiMassGeV, alphaDark);
        double vis = ToLeptonPair(massGeV, epsilon) + ToLeptonPair(massGeV, epsilon, PhysicalConstants.MuonMassGeV);
        return inv + vis > 0 ? inv / (inv + vis) : 0.0;
    }
}
