namespace Emiss.Physics.Decays;

/// <summary>
/// Dalitz-plot density of K → π ℓ ν (K_ℓ3) for a V−A current with the vector form factors f₊(t), f₋(t)
/// (Chounet, Gaillard and Gaillard, Phys. Rep. 4 (1972) 199; the form used in the PDG review "K_ℓ3 form factors"):
/// <code>
/// ρ(E_π, E_ℓ) ∝ f₊²(t) [A + B ξ(t) + C ξ(t)²]
/// A = M (2 E_ℓ E_ν − M E′_π) + m_ℓ² (E′_π/4 − E_ν),  B = m_ℓ² (E_ν − E′_π/2),  C = m_ℓ² E′_π/4,
/// E′_π = (M² + m_π² − m_ℓ²)/(2M) − E_π,  t = M² + m_π² − 2 M E_π,  ξ = f₋/f₊,
/// </code>
/// all energies in the kaon rest frame. Form factors are linear (PDG convention, expansion in t/m²_π⁺):
/// f₊(t) = f₊(0)(1 + λ₊ t/m²_π⁺), f₀(t) = f₊(0)(1 + λ₀ t/m²_π⁺), and f₋ = (f₀ − f₊)(M² − m_π²)/t, so that
/// ξ = (λ₀ − λ₊)(M² − m_π²)/m²_π⁺ / (1 + λ₊ t/m²_π⁺). For K_e3 the m_ℓ² terms are negligible and only λ₊ matters.
/// docs/physics/decays-in-flight.md#three-body-decays.
/// </summary>
public sealed class Kl3Density
{
    private readonly double _m, _mPi, _mL, _lambdaPlus, _lambdaZero, _mPiPlus2, _ePiMax;

    /// <summary>Creates the density for kaon mass <paramref name="kaonMassGeV"/>, pion and lepton masses and the
    /// form-factor slopes.</summary>
    public Kl3Density(double kaonMassGeV, double pionMassGeV, double leptonMassGeV, double lambdaPlus, double lambdaZero)
    {
        if (!(kaonMassGeV > pionMassGeV + leptonMassGeV) || pionMassGeV <= 0 || leptonMassGeV < 0)
            throw new ArgumentOutOfRangeException(nameof(kaonMassGeV), "K_ℓ3 needs M > m_π + m_ℓ, m_π > 0, m_ℓ ≥ 0");
        _m = kaonMassGeV;
        _mPi = pionMassGeV;
        _mL = leptonMassGeV;
        _lambdaPlus = lambdaPlus;
        _lambdaZero = lambdaZero;
        double mpp = Core.Constants.PhysicalConstants.ChargedPionMassGeV;
        _mPiPlus2 = mpp * mpp;
        _ePiMax = (_m * _m + _mPi * _mPi - _mL * _mL) / (2 * _m);
    }

    /// <summary>Density (arbitrary normalisation, ≥ 0 inside the Dalitz plot) at pion energy
    /// <paramref name="ePi"/> and lepton energy <paramref name="eLepton"/> in the kaon rest frame, GeV.</summary>
    public double At(double ePi, double eLepton)
    {
        double eNu = _m - ePi - eLepton;
        double ePrime = _ePiMax - ePi;
        double t = _m * _m + _mPi * _mPi - 2 * _m * ePi;
        double fPlus = 1 + _lambdaPlus * t / _mPiPlus2;
        double xi = (_lambdaZero - _lambdaPlus) * (_m * _m - _mPi * _mPi) / _mPiPlus2 / fPlus;
        double ml2 = _mL * _mL;
        double a = _m * (2 * eLepton * eNu - _m * ePrime) + ml2 * (ePrime / 4 - eNu);
        double b = ml2 * (eNu - ePrime / 2);
        double c = ml2 * ePrime / 4;
        return Math.Max(0, fPlus * fPlus * (a + b * xi + c * xi * xi));
    }
}
