using System.Runtime.CompilerServices;

namespace Emiss.Shower.Transport;

/// <summary>
/// Path-length correction of condensed-history stepping: a true path t (which sets energy loss and interactions)
/// advances the track by z = λ1(1 − e^{−t/λ1}) along its initial direction, λ1 the transport mean free path from the
/// multiple-scattering model (the mean projected advance for small-angle diffusion; Lewis, Phys. Rev. 78, 526 (1950)).
/// </summary>
internal static class PathLength
{
    /// <summary>z = λ1(1 − e^{−t/λ1}), cm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Geometric(double t, double lambda1)
    {
        if (double.IsPositiveInfinity(t)) return t;
        double x = t / lambda1;
        return x < 1e-3 ? t * (1.0 - 0.5 * x) : lambda1 * (1.0 - Math.Exp(-x));
    }

    /// <summary>Inverse of <see cref="Geometric"/>: t = −λ1 ln(1 − z/λ1), cm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double True(double z, double lambda1)
    {
        double x = z / lambda1;
        if (x < 1e-3) return z * (1.0 + 0.5 * x);
        return x < 1.0 ? -lambda1 * Math.Log(1.0 - x) : double.PositiveInfinity;
    }
}
