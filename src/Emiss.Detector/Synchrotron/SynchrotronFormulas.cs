namespace Emiss.Detector.Synchrotron;

/// <summary>
/// Synchrotron radiation of a charged particle crossing a uniform dipole, docs/physics/synchrotron-radiation.md#formulas (Jackson, Classical
/// Electrodynamics, 3rd ed., §14.6; PDG review "Accelerator physics of colliders"). Valid for γ ≫ 1 and small
/// bend angles. Energies GeV, lengths m, fields T.
/// </summary>
public static class SynchrotronFormulas
{
    /// <summary>p[GeV] = 0.29979 B[T] ρ[m] for unit charge (c = 0.299792458 m/ns).</summary>
    public const double MomentumPerTeslaMetre = 0.299792458;

    /// <summary>ħc in GeV·m (docs/physics/units-and-constants.md#constants: 0.1973270 GeV·fm).</summary>
    public const double HbarCGeVMetre = 0.1973270e-15;

    /// <summary>⟨ħω⟩/ħω_c = 8/(15√3) = 0.3079 (docs/physics/synchrotron-radiation.md#formulas).</summary>
    public static readonly double MeanPhotonEnergyOverCritical = 8.0 / (15.0 * Math.Sqrt(3.0));

    /// <summary>Bend angle θ_b = 0.29979 BL/p, rad.</summary>
    public static double BendAngleRad(double fieldIntegralTm, double momentumGeV) => MomentumPerTeslaMetre * fieldIntegralTm / momentumGeV;

    /// <summary>Critical photon energy ħω_c = (3/2) ħc γ³/ρ, GeV, with ρ = p/(0.29979 B).</summary>
    public static double CriticalEnergyGeV(double energyGeV, double massGeV, double fieldT)
    {
        double gamma = energyGeV / massGeV;
        double p = Math.Sqrt(Math.Max(energyGeV * energyGeV - massGeV * massGeV, 0));
        double rhoM = p / (MomentumPerTeslaMetre * fieldT);
        return 1.5 * HbarCGeVMetre * gamma * gamma * gamma / rhoM;
    }

    /// <summary>Mean photon number ⟨N_γ⟩ = (5/(2√3)) α γ θ_b (independent of B at fixed BL).</summary>
    public static double MeanPhotonCount(double energyGeV, double massGeV, double fieldIntegralTm)
    {
        double p = Math.Sqrt(Math.Max(energyGeV * energyGeV - massGeV * massGeV, 0));
        return 5.0 / (2.0 * Math.Sqrt(3.0)) * Core.Constants.PhysicalConstants.Alpha * (energyGeV / massGeV) * BendAngleRad(fieldIntegralTm, p);
    }

    /// <summary>Mean radiated energy ΔE = ⟨N_γ⟩·0.3079·ħω_c, GeV (equals 1.2655 E²B²L keV for electrons).</summary>
    public static double MeanEnergyLossGeV(double energyGeV, double massGeV, double fieldT, double lengthM) =>
        MeanPhotonCount(energyGeV, massGeV, fieldT * lengthM) * MeanPhotonEnergyOverCritical * CriticalEnergyGeV(energyGeV, massGeV, fieldT);
}
