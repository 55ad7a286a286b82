namespace Emiss.Shower.PhysicsList;

/// <summary>Composite 8-point Gauss–Legendre quadrature (Abramowitz &amp; Stegun Table 25.4) used when building tables.</summary>
public static class GaussLegendre
{
    private static readonly double[] Nodes = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
        0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363];

    private static readonly double[] Weights = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
        0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

    /// <summary>∫_a^b f(x) dx with <paramref name="segments"/> equal segments of 8 points each.</summary>
    public static double Integrate(Func<double, double> f, double a, double b, int segments)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(b > a)) return 0.0;
        double h = (b - a) / segments, sum = 0.0;
        for (int s = 0; s < segments; s++)
        {
            double mid = a + (s + 0.5) * h, half = 0.5 * h;
            for (int i = 0; i < Nodes.Length; i++) sum += Weights[i] * f(mid + half * Nodes[i]) * half;
        }
        return sum;
    }
}
