using Emiss.Core.Constants;

namespace Emiss.Shower.Tests.Scattering;

/// <summary>
/// The empirical number backscattering coefficient of T. Tabata, R. Ito and S. Okabe, "An empirical equation for the
/// backscattering coefficient of electrons", Nucl. Instrum. Methods 94, 509 (1971), fitted to the measured coefficients of
/// normally incident electrons on thick elemental targets:
/// <code>
/// η = a1 / (1 + a2 τ^a3),   τ = T / (m_e c²),
/// a1 = b1 exp(−b2 Z^−b3),   a2 = b4 + b5 Z^−b6,   a3 = b7 − b8 / Z
/// </code>
/// with the eight constants and their standard errors as published (transcribed from the benchmark data of the Radiant.jl
/// transport code, CBienvenue/Radiant.jl, which quotes the paper). The formula's uncertainty is propagated from the
/// constants' errors taken as independent, as that benchmark does: 9–10 % for lead and 17–21 % for aluminium at
/// 1–2 MeV, of the order of the ≈ 15 % typical experimental uncertainty of MeV backscatter measurements (E. S. M. Ali,
/// W. Buchenberg and D. W. O. Rogers, Med. Phys. 41 (2014), doi:10.1118/1.4894960: EGSnrc against 21 experiments at
/// 1–22 MeV).
/// </summary>
internal static class TabataBackscatterFormula
{
    private static readonly double[] Constants = [1.15, 8.35, 0.525, 0.0185, 15.7, 1.59, 1.56, 4.42];
    private static readonly double[] ConstantErrors = [0.06, 0.25, 0.020, 0.0019, 3.1, 0.07, 0.02, 0.18];

    /// <summary>η for an element of atomic number <paramref name="z"/> and electrons of kinetic energy
    /// <paramref name="kineticMeV"/>.</summary>
    public static double Eta(int z, double kineticMeV) => Eta(z, kineticMeV, Constants);

    /// <summary>The standard error of <see cref="Eta(int, double)"/> from the constants' published errors (first-order
    /// propagation, derivatives by central differences, constants uncorrelated).</summary>
    public static double Error(int z, double kineticMeV)
    {
        double variance = 0;
        for (int i = 0; i < Constants.Length; i++)
        {
            double h = 1e-4 * ConstantErrors[i];
            double[] up = (double[])Constants.Clone();
            double[] down = (double[])Constants.Clone();
            up[i] += h;
            down[i] -= h;
            double derivative = (Eta(z, kineticMeV, up) - Eta(z, kineticMeV, down)) / (2 * h);
            variance += Math.Pow(derivative * ConstantErrors[i], 2);
        }
        return Math.Sqrt(variance);
    }

    private static double Eta(int z, double kineticMeV, double[] b)
    {
        double tau = kineticMeV / (PhysicalConstants.ElectronMassGeV * 1e3);
        double a1 = b[0] * Math.Exp(-b[1] * Math.Pow(z, -b[2]));
        double a2 = b[3] + b[4] * Math.Pow(z, -b[5]);
        double a3 = b[6] - b[7] / z;
        return a1 / (1 + a2 * Math.Pow(tau, a3));
    }
}
