using Emiss.Core.Constants;
using Emiss.Core.Materials;
using Emiss.Core.Random;

namespace Emiss.Shower.Processes.Ionisation;

/// <summary>Mean ionisation loss of heavy charged particles: Bethe formula with W_max and density effect
/// (PDG "Passage of particles through matter", eq. 34.5; docs/physics/ionisation.md#heavy-particles), the restricted loss
/// below a δ-ray cut (PDG eq. 34.12) and the knock-on cross section above it (PDG eq. 34.6 without the spin-½ term, so
/// that restricted loss plus δ rays add up to eq. 34.5 exactly).</summary>
public static class MuonStoppingPower
{
    /// <summary>−dE/dx for a particle of mass <paramref name="massGeV"/> and kinetic energy T, GeV/cm.</summary>
    public static double GeVPerCm(Material material, double kineticGeV, double massGeV) =>
        RestrictedGeVPerCm(material, kineticGeV, massGeV, double.PositiveInfinity);

    /// <summary>Largest energy a free electron can take from the particle, W_max = 2m_e β²γ²/(1 + 2γm_e/M + (m_e/M)²), GeV.</summary>
    public static double MaxTransferGeV(double kineticGeV, double massGeV)
    {
        double me = PhysicalConstants.ElectronMassGeV;
        double gam = 1.0 + kineticGeV / massGeV, bg2 = gam * gam - 1.0;
        return 2.0 * me * bg2 / (1.0 + 2.0 * gam * me / massGeV + me / massGeV * (me / massGeV));
    }

    /// <summary>−dE/dx from collisions that transfer less than T_up = min(<paramref name="cutGeV"/>, W_max), GeV/cm (PDG eq. 34.12):
    /// K z²(Z/A)(1/β²)[½ ln(2m_e β²γ² T_up/I²) − β²(1 + T_up/W_max)/2 − δ/2]; with T_up = W_max it is eq. 34.5.</summary>
    public static double RestrictedGeVPerCm(Material material, double kineticGeV, double massGeV, double cutGeV)
    {
        ArgumentNullException.ThrowIfNull(material);
        double me = PhysicalConstants.ElectronMassGeV;
        double gam = 1.0 + kineticGeV / massGeV, bg2 = gam * gam - 1.0, beta2 = bg2 / (gam * gam);
        double wmax = MaxTransferGeV(kineticGeV, massGeV);
        double i = material.MeanExcitationEnergyGeV;
        // With T_up = W_max the β² term is 0.5 β² (1 + 1) = β² exactly, so eq. 34.5 comes out bit for bit.
        double tUp = Math.Min(cutGeV, wmax);
        double bracket = 0.5 * Math.Log(2.0 * me * bg2 * tUp / (i * i)) - 0.5 * beta2 * (1.0 + tUp / wmax) - 0.5 * material.DensityEffect.Delta(Math.Sqrt(bg2));
        return Math.Max(0.0, PhysicalConstants.IonisationKGeVCm2PerMol * material.ZOverA / beta2 * bracket * material.DensityGPerCm3);
    }

    /// <summary>Cross section per electron for a knock-on electron above <paramref name="cutGeV"/>, cm²:
    /// 2π r_e² m_e/β² [(1/T_c − 1/W_max) − (β²/W_max) ln(W_max/T_c)] (0 when T_c ≥ W_max).</summary>
    public static double DeltaRayCrossSectionPerElectronCm2(double kineticGeV, double massGeV, double cutGeV)
    {
        double wmax = MaxTransferGeV(kineticGeV, massGeV);
        if (!(cutGeV < wmax)) return 0.0;
        double gam = 1.0 + kineticGeV / massGeV, beta2 = 1.0 - 1.0 / (gam * gam);
        double re = PhysicalConstants.ClassicalElectronRadiusCm;
        return 2.0 * Math.PI * re * re * PhysicalConstants.ElectronMassGeV / beta2
            * ((1.0 / cutGeV - 1.0 / wmax) - beta2 / wmax * Math.Log(wmax / cutGeV));
    }

    /// <summary>Kinetic energy of a knock-on electron above <paramref name="cutGeV"/>, from dσ/dT ∝ (1 − β²T/W_max)/T² on
    /// [T_c, W_max] (the spectrum of <see cref="DeltaRayCrossSectionPerElectronCm2"/>): 1/T² by inversion, then the factor
    /// 1 − β²T/W_max (≤ 1) by rejection; two uniform numbers per try. Requires T_c &lt; W_max.</summary>
    public static double SampleKnockOnGeV(double cutGeV, double wmaxGeV, double beta2, ref EventRng rng)
    {
        double td;
        do
        {
            td = cutGeV * wmaxGeV / (wmaxGeV - rng.NextDouble() * (wmaxGeV - cutGeV));
        } while (rng.NextDouble() > 1.0 - beta2 * td / wmaxGeV);
        return td;
    }
}
