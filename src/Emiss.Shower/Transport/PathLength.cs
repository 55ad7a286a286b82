using System.Runtime.CompilerServices;

namespace Emiss.Shower.Transport;

/// <summary>
/// Path-length correction of condensed-history stepping: a true path t (which sets energy loss and interactions)
/// advances the track by its mean projection z on the initial direction. For a constant transport mean free path
/// z = λ1(1 − e^{−t/λ1}) (Lewis, Phys. Rev. 78, 526 (1950)); when λ1 falls linearly along the step from λ0 to λe
/// (energy loss), λ(s) = λ0(1 − a s) with a = (λ0 − λe)/(λ0 t), the moment equation dz/ds = e^{−∫ds/λ} integrates to
/// z = (1 − (λe/λ0)^{1 + 1/(aλ0)})/(a(1 + 1/(aλ0))) (Urban, CERN-OPEN-2006-077, eq. 17).
/// </summary>
internal static class PathLength
{
    /// <summary>z for a true path <paramref name="t"/> with λ1 going from <paramref name="lambda0"/> to <paramref name="lambdaEnd"/>, cm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Geometric(double t, double lambda0, double lambdaEnd)
    {
        if (double.IsPositiveInfinity(t)) return t;
        if (IsConstant(lambda0, lambdaEnd))
        {
            double x = t / lambda0;
            return x < 1e-3 ? t * (1.0 - 0.5 * x) : lambda0 * (1.0 - Math.Exp(-x));
        }
        double a = (lambda0 - lambdaEnd) / (lambda0 * t), q = 1.0 + 1.0 / (a * lambda0);
        return (1.0 - Math.Pow(lambdaEnd / lambda0, q)) / (a * q);
    }

    /// <summary>Inverse of <see cref="Geometric"/> for a step planned as the true path <paramref name="tPlanned"/> (which
    /// fixes the slope of λ1) and cut at the geometric advance <paramref name="z"/>; returns a value in [z, tPlanned].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double True(double z, double tPlanned, double lambda0, double lambdaEnd)
    {
        double t;
        if (IsConstant(lambda0, lambdaEnd) || double.IsPositiveInfinity(tPlanned))
        {
            double x = z / lambda0;
            t = x < 1e-3 ? z * (1.0 + 0.5 * x) : x < 1.0 ? -lambda0 * Math.Log(1.0 - x) : double.PositiveInfinity;
        }
        else
        {
            double a = (lambda0 - lambdaEnd) / (lambda0 * tPlanned), q = 1.0 + 1.0 / (a * lambda0);
            double w = a * q * z;
            t = w < 1.0 ? (1.0 - Math.Pow(1.0 - w, 1.0 / q)) / a : tPlanned;
        }
        return Math.Clamp(t, z, Math.Max(z, tPlanned));
    }

    private static bool IsConstant(double lambda0, double lambdaEnd) => !(lambda0 - lambdaEnd > 0.01 * lambda0);
}
