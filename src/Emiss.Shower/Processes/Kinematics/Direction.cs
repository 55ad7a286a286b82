using System.Runtime.CompilerServices;

namespace Emiss.Shower.Processes.Kinematics;

/// <summary>Direction algebra for the interactors and the transport.</summary>
public static class Direction
{
    /// <summary>
    /// Rotates a vector (a, b, c) given in a frame whose z axis is the unit vector (ux, uy, uz) into the global
    /// frame (CLHEP Hep3Vector::rotateUz). Works for any vector length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double X, double Y, double Z) RotateUz(double ux, double uy, double uz, double a, double b, double c) =>
        RotateUz(ux, uy, uz, Perp(ux, uy), a, b, c);

    /// <summary>
    /// <see cref="RotateUz(double, double, double, double, double, double)"/> with √(ux² + uy²) given as
    /// <paramref name="perp"/> (<see cref="Perp"/>), for several vectors rotated into the same frame: the same
    /// arithmetic, so the same result bit for bit, with one square root for all of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double X, double Y, double Z) RotateUz(double ux, double uy, double uz, double perp, double a, double b, double c)
    {
        if (perp > 0)
        {
            double x = (ux * uz * a - uy * b) / perp + ux * c;
            double y = (uy * uz * a + ux * b) / perp + uy * c;
            double z = -perp * a + uz * c;
            return (x, y, z);
        }
        return uz >= 0 ? (a, b, c) : (-a, b, -c);
    }

    /// <summary>√(ux² + uy²) where <see cref="RotateUz(double, double, double, double, double, double)"/> uses it, else 0
    /// (a direction along ±z, which that rotation treats apart).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Perp(double ux, double uy)
    {
        double perp2 = ux * ux + uy * uy;
        return perp2 > 1e-20 ? Math.Sqrt(perp2) : 0.0;
    }

    /// <summary>Rotates the unit vector with polar angle cosθ and azimuth φ (relative to u) into the global frame.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double X, double Y, double Z) Deflect(double ux, double uy, double uz, double cosTheta, double phi)
    {
        cosTheta = Math.Clamp(cosTheta, -1.0, 1.0);
        double sinTheta = Math.Sqrt((1.0 - cosTheta) * (1.0 + cosTheta));
        (double s, double c) = Math.SinCos(phi);
        return RotateUz(ux, uy, uz, sinTheta * c, sinTheta * s, cosTheta);
    }

    /// <summary>Normalises (x, y, z); returns (0, 0, 1) for a null vector.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double X, double Y, double Z) Normalize(double x, double y, double z)
    {
        double n = Math.Sqrt(x * x + y * y + z * z);
        return n > 0 ? (x / n, y / n, z / n) : (0.0, 0.0, 1.0);
    }
}
