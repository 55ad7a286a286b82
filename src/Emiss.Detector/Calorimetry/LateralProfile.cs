namespace Emiss.Detector.Calorimetry;

/// <summary>
/// Two-component radial EM profile f(r) = p·2rR_c²/(r²+R_c²)² + (1−p)·2rR_t²/(r²+R_t²)² (the core+tail form of
/// Grindhammer &amp; Peters, hep-ex/0001020, eq. 4), whose containment is F(r) = p r²/(r²+R_c²) + (1−p) r²/(r²+R_t²).
/// Defaults p = 0.707, R_c = 0.2 R_M, R_t = 0.575 R_M solve F(R_M) = 0.90 and F(3.5 R_M) = 0.99 (PDG containment,
/// docs/physics/validation-anchors.md#v8) [convention: R_c chosen, the other two solved]. The energy in an axis-aligned rectangle has the
/// closed form used in <see cref="RectangleFraction"/>, so cell sharing needs no sampling.
/// </summary>
public static class LateralProfile
{
    /// <summary>Containment F(r) of one component with radius <paramref name="radius"/>: r²/(r²+R²).</summary>
    public static double Containment(double r, double radius) => r * r / (r * r + radius * radius);

    /// <summary>Fraction of one component (2D density R²/(π(x²+y²+R²)²), centred at the origin) inside
    /// [x1, x2] × [y1, y2].</summary>
    public static double RectangleFraction(double x1, double x2, double y1, double y2, double radius) =>
        Quadrant(x2, y2, radius) - Quadrant(x1, y2, radius) - Quadrant(x2, y1, radius) + Quadrant(x1, y1, radius);

    /// <summary>Fractions of one component (radius <paramref name="radius"/>, weight <paramref name="weight"/>) in each cell of
    /// a regular grid whose corner coordinates relative to the shower axis are <paramref name="xEdges"/> ×
    /// <paramref name="yEdges"/>, added to <paramref name="cells"/> (index ix + nx·iy). The corner integrals are shared
    /// by neighbouring cells, so the grid costs (nx+1)(ny+1) evaluations instead of 4·nx·ny.</summary>
    public static void AddGridFractions(ReadOnlySpan<double> xEdges, ReadOnlySpan<double> yEdges, double radius, double weight, Span<double> cells)
    {
        int nx = xEdges.Length - 1, ny = yEdges.Length - 1;
        Span<double> q = stackalloc double[(nx + 1) * (ny + 1)];
        // √(x² + R²) depends on the column only and √(y² + R²) on the row only: one each per edge, not per corner.
        Span<double> ax = stackalloc double[nx + 1];
        Span<double> by = stackalloc double[ny + 1];
        for (int i = 0; i <= nx; i++) ax[i] = Math.Sqrt(xEdges[i] * xEdges[i] + radius * radius);
        for (int j = 0; j <= ny; j++) by[j] = Math.Sqrt(yEdges[j] * yEdges[j] + radius * radius);
        for (int j = 0; j <= ny; j++)
            for (int i = 0; i <= nx; i++)
                q[i + (nx + 1) * j] = Quadrant(xEdges[i], yEdges[j], ax[i], by[j]);
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int c = i + (nx + 1) * j;
                cells[i + nx * j] += weight * (q[c + nx + 2] - q[c + nx + 1] - q[c + 1] + q[c]);
            }
    }

    /// <summary>Signed integral over [0, X] × [0, Y]:
    /// H = (1/2π)[X/√(X²+R²)·atan(Y/√(X²+R²)) + Y/√(Y²+R²)·atan(X/√(Y²+R²))] (odd in X and in Y).</summary>
    private static double Quadrant(double x, double y, double r) =>
        Quadrant(x, y, Math.Sqrt(x * x + r * r), Math.Sqrt(y * y + r * r));

    /// <summary><see cref="Quadrant(double, double, double)"/> with a = √(x² + R²) and b = √(y² + R²) given.</summary>
    private static double Quadrant(double x, double y, double a, double b) =>
        (x / a * Math.Atan(y / a) + y / b * Math.Atan(x / b)) / (2.0 * Math.PI);
}
