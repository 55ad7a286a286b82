using Emiss.Shower.Materials;

namespace Emiss.Shower.Processes.MultipleScattering;

/// <summary>
/// The Z-dependent constants of Urban's angular distribution for one material (L. Urban, "A model for multiple
/// scattering in Geant4", CERN-OPEN-2006-077; the values of Geant4's G4UrbanMscModel). Z is the material's effective
/// atomic number, the electron-weighted mean Σ n_i Z_i² / Σ n_i Z_i.
/// </summary>
public sealed class UrbanMaterialParameters
{
    /// <summary>Computes the constants of <paramref name="material"/>.</summary>
    public UrbanMaterialParameters(ShowerMaterial material)
    {
        ArgumentNullException.ThrowIfNull(material);
        double num = 0, den = 0;
        for (int i = 0; i < material.Z.Length; i++)
        {
            num += material.AtomDensityPerCm3[i] * material.Z[i] * material.Z[i];
            den += material.AtomDensityPerCm3[i] * material.Z[i];
        }
        double z = num / den;
        ZEff = z;
        double w = Math.Pow(z, 1.0 / 6.0);
        // θ0 = 13.6 MeV/(βcp) √(t/X0) (c1 + c2 ln(t/X0)): Highland's form refitted to e⁻ scattering data.
        double facz = 0.990395 + w * (-0.168386 + w * 0.093286);
        Theta0C1 = facz * (1.0 - 8.7780e-2 / z);
        Theta0C2 = facz * (4.0780e-2 + 1.7315e-4 * z);
        // Tail exponent ξ = c1 + u(c2 + c3 u) + c4 ln(λ_eff/X0), u = τ^{1/6}.
        double z13 = w * w;
        TailC1 = 2.3785 - z13 * (4.1981e-1 - z13 * 6.3100e-2);
        TailC2 = 4.7526e-1 + z13 * (1.7694 - z13 * 3.3885e-1);
        TailC3 = 2.3683e-1 - z13 * (1.8111 - z13 * 3.2774e-1);
        TailC4 = 1.7888e-2 + z13 * (1.9659e-2 - z13 * 2.6664e-3);
        Z23 = z13 * z13;
        SqrtZ = Math.Sqrt(z);
        // Largest straight-line distance over the residual range (Geant4's G4UrbanMscModel since 10.7, fits of 2020 to
        // single-scattering simulations): e± zigzag, so in lead they get at most 0.55 of their range from where they are;
        // muons and hadrons barely scatter and get their whole range (the fit's 1.07–1.15 leaves room for range straggling).
        ElectronReachPerRange = 9.6280e-1 - 8.4848e-2 * SqrtZ + 4.3769e-3 * z;
        HeavyReachPerRange = 1.15 - 9.76e-4 * z;
        RadiationLengthCm = material.RadiationLengthCm;
    }

    /// <summary>Effective atomic number.</summary>
    public double ZEff { get; }

    /// <summary>Constant term of the θ0 correction.</summary>
    public double Theta0C1 { get; }

    /// <summary>Coefficient of ln(t/X0) in the θ0 correction.</summary>
    public double Theta0C2 { get; }

    /// <summary>Tail parameter c1.</summary>
    public double TailC1 { get; }

    /// <summary>Tail parameter c2.</summary>
    public double TailC2 { get; }

    /// <summary>Tail parameter c3.</summary>
    public double TailC3 { get; }

    /// <summary>Tail parameter c4.</summary>
    public double TailC4 { get; }

    /// <summary>Z^{2/3} (minimum step).</summary>
    public double Z23 { get; }

    /// <summary>√Z (minimum step of positrons).</summary>
    public double SqrtZ { get; }

    /// <summary>Upper bound of an e±'s straight-line distance over its residual range.</summary>
    public double ElectronReachPerRange { get; }

    /// <summary>Upper bound of a muon's or hadron's straight-line distance over its residual range.</summary>
    public double HeavyReachPerRange { get; }

    /// <summary>Radiation length, cm.</summary>
    public double RadiationLengthCm { get; }
}
