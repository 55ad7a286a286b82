using Emiss.Core.Constants;

namespace Emiss.Shower.Processes.PhotonData;

/// <summary>
/// Sauter's relativistic photoeffect cross section of the two K electrons in the Born approximation (F. Sauter, Ann. Phys.
/// 11, 454 (1931); W. Heitler, <i>The Quantum Theory of Radiation</i>, 3rd ed. (1954), §21; C. M. Davisson and R. D. Evans,
/// Rev. Mod. Phys. 24, 79 (1952), eq. 18), binding neglected in the kinematics (γ = 1 + k/m_e):
/// <code>
/// σ_K = (3/2) φ₀ Z⁵ α⁴ (1/k⁵) (γ² − 1)^{3/2} [4/3 + γ(γ − 2)/(γ + 1) (1 − ln((γ + √(γ² − 1))/(γ − √(γ² − 1))) / (2γ√(γ² − 1)))]
/// </code>
/// with k in units of m_e c² and φ₀ = 8π r_e²/3. It falls as k^−7/2 far below m_e c² and as 1/k far above it. The
/// engine uses only its energy dependence, to continue the tabulated photoabsorption above the tables' last point
/// (<see cref="ElementPhotonTable"/>): at high Z the Born magnitude is wrong by tens of per cent, its shape much less.
/// </summary>
public static class SauterKShell
{
    private const double Alpha = PhysicalConstants.Alpha;

    /// <summary>σ_K per atom, cm², for a photon of <paramref name="kGeV"/> on element <paramref name="z"/>.</summary>
    public static double CrossSectionCm2(int z, double kGeV)
    {
        if (!(kGeV > 0)) throw new ArgumentOutOfRangeException(nameof(kGeV), kGeV, "photon energy must be > 0");
        double re = PhysicalConstants.ClassicalElectronRadiusCm;
        double phi0 = 8.0 * Math.PI * re * re / 3.0;
        double k = kGeV / PhysicalConstants.ElectronMassGeV;
        double g = 1.0 + k, p2 = g * g - 1.0, p = Math.Sqrt(p2);
        double log = Math.Log((g + p) / (g - p));
        double z5 = Math.Pow(z, 5), a4 = Alpha * Alpha * Alpha * Alpha;
        return 1.5 * phi0 * z5 * a4 * p2 * p / Math.Pow(k, 5) * (4.0 / 3.0 + g * (g - 2.0) / (g + 1.0) * (1.0 - log / (2.0 * g * p)));
    }
}
