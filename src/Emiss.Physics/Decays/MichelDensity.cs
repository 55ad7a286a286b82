namespace Emiss.Physics.Decays;

/// <summary>
/// Dalitz-plot density of μ⁻ → e⁻ ν̄_e ν_μ in the V−A theory, unpolarised muon: |M|² ∝ (p_μ·p_ν̄e)(p_e·p_νμ)
/// (e.g. Griffiths, Introduction to Elementary Particles, 2nd ed., §10.2), and since (p_e + p_νμ)² = (p_μ − p_ν̄e)²,
/// p_e·p_νμ = (m_μ² − m_e² − 2 m_μ E_ν̄)/2: in the muon rest frame |M|² ∝ E_ν̄ (m_μ² − m_e² − 2 m_μ E_ν̄), a function
/// of the ν̄_e energy alone. Integrated over E_ν̄ at fixed x = 2E_e/m_μ (m_e → 0) this is the Michel spectrum
/// x²(3 − 2x) with ρ = 3/4 (Michel, Proc. Phys. Soc. A 63 (1950) 514). Radiative corrections are not included.
/// docs/physics/decays-in-flight.md#muon-decay.
/// </summary>
public static class MichelDensity
{
    /// <summary>Density (arbitrary normalisation) at ν̄_e energy <paramref name="eAntiNu"/> (GeV, muon rest frame).</summary>
    public static double At(double eAntiNu)
    {
        const double mMu = Core.Constants.PhysicalConstants.MuonMassGeV, mE = Core.Constants.PhysicalConstants.ElectronMassGeV;
        return Math.Max(0, eAntiNu * (mMu * mMu - mE * mE - 2 * mMu * eAntiNu));
    }
}
