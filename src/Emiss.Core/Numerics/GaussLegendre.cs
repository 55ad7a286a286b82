namespace Emiss.Core.Numerics;

/// <summary>
/// Composite Gauss–Legendre quadrature with a fixed 16-point rule (nodes from Newton iteration on
/// P₁₆; Abramowitz &amp; Stegun 25.4.29). Deterministic and allocation-free after type initialisation.
/// </summary>
public static class GaussLegendre
{
    private const int Order = 16;
    private static readonly double[] Nodes = new double[Order];
    private static readonly double[] Weights = new double[Order];

#pragma warning disable CA1810 // the rule's nodes need a loop; computed once, immutable afterwards
    static GaussLegendre()
#pragma warning restore CA1810
    {
        for (int i = 0; i < Order; i++)
        {
            double z = Math.Cos(Math.PI * (i + 0.75) / (Order + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++)
            {
                double p1 = 1, p2 = 0;
                for (int j = 1; j <= Order; j++)
                {
                    double p3 = p2;
                    p2 = p1;
                    p1 = ((2.0 * j - 1.0) * z * p2 - (j - 1.0) * p3) / j;
                }
                dp = Order * (z * p1 - p2) / (z * z - 1.0);
                double dz = p1 / dp;
                z -= dz;
                if (Math.Abs(dz) < 1e-16) break;
            }
            Nodes[i] = z;
            Weights[i] = 2.0 / ((1.0 - z * z) * dp * dp);
        }
    }

    /// <summary>∫ₐᵇ f over <paramref name="panels"/> equal panels, 16 points each.</summary>
    public static double Integrate(Func<double, double> f, double a, double b, int panels)
    {
        ArgumentNullException.ThrowIfNull(f);
        double h = (b - a) / panels, sum = 0;
        for (int p = 0; p < panels; p++)
        {
            double mid = a + (p + 0.5) * h, half = 0.5 * h, s = 0;
            for (int i = 0; i < Order; i++) s += Weights[i] * f(mid + half * Nodes[i]);
            sum += s * half;
        }
        return sum;
    }

    /// <summary>Nodes and weights of the composite rule on [a, b] with <paramref name="panels"/> panels.</summary>
    public static (double[] Nodes, double[] Weights) Rule(double a, double b, int panels)
    {
        var x = new double[panels * Order];
        var w = new double[panels * Order];
        double h = (b - a) / panels;
        for (int p = 0; p < panels; p++)
        {
            double mid = a + (p + 0.5) * h, half = 0.5 * h;
            for (int i = 0; i < Order; i++)
            {
                x[p * Order + i] = mid + half * Nodes[i];
                w[p * Order + i] = half * Weights[i];
            }
        }
        return (x, w);
    }

    /// <summary>
    /// As <see cref="Integrate(Func{double, double}, double, double, int)"/> but with a struct
    /// integrand, so hot callers pay no delegate or closure cost.
    /// </summary>
    public static double Integrate<TF>(in TF f, double a, double b, int panels) where TF : struct, IIntegrand
    {
        double h = (b - a) / panels, sum = 0;
        for (int p = 0; p < panels; p++)
        {
            double mid = a + (p + 0.5) * h, half = 0.5 * h, s = 0;
            for (int i = 0; i < Order; i++) s += Weights[i] * f.Evaluate(mid + half * Nodes[i]);
            sum += s * half;
        }
        return sum;
    }
}
