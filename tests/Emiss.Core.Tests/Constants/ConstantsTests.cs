using Emiss.Core.Constants;
using Emiss.Testing;
using Xunit;

namespace Emiss.Core.Tests.Constants;

public class ConstantsTests
{
    [Fact]
    public void Classical_electron_radius_follows_from_alpha_hbarc_and_me()
    {
        // r_e = α ħc / m_e (CODATA 2018: 2.8179403262 fm).
        double derived = PhysicalConstants.Alpha * PhysicalConstants.HbarCGeVCm / PhysicalConstants.ElectronMassGeV;
        Tolerance.Rel(1e-8, "CODATA 2018 constants are mutually consistent to 1e-9").AssertClose(
            PhysicalConstants.ClassicalElectronRadiusCm, derived, "r_e");
    }

    [Fact]
    public void HbarC_squared_is_the_square_of_hbarc()
    {
        Tolerance.Rel(1e-8, "PDG 0.3893793721 GeV² mb vs CODATA ħc").AssertClose(
            PhysicalConstants.HbarCSquaredGeV2Cm2, PhysicalConstants.HbarCGeVCm * PhysicalConstants.HbarCGeVCm, "(ħc)²");
    }

    [Fact]
    public void Ionisation_K_is_4pi_NA_re2_mec2()
    {
        // PDG Table 34.1: K = 4π N_A r_e² m_e c² = 0.307075 MeV cm²/mol.
        double k = 4 * Math.PI * PhysicalConstants.AvogadroPerMol * Math.Pow(PhysicalConstants.ClassicalElectronRadiusCm, 2)
                   * PhysicalConstants.ElectronMassGeV;
        Tolerance.Rel(1e-5, "PDG quotes K to 6 digits").AssertClose(PhysicalConstants.IonisationKGeVCm2PerMol, k, "K");
    }
}
