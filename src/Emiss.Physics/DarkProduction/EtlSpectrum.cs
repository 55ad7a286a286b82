namespace Emiss.Physics.DarkProduction;

/// <summary>
/// dσ/dx (GeV⁻², ε = 1, per atom) on a grid of w = 1 − x log-spaced upwards, as produced by one 3-D
/// ETL pass; any σ(x &gt; x_c) with x_c at or above the grid's lower x follows without a new pass.
/// </summary>
public sealed class EtlSpectrum
{
    /// <summary>Wraps node arrays (ascending w; not copied, treat as immutable).</summary>
    public EtlSpectrum(double[] oneMinusX, double[] dSigmaDxGeVm2)
    {
        ArgumentNullException.ThrowIfNull(oneMinusX);
        ArgumentNullException.ThrowIfNull(dSigmaDxGeVm2);
        if (oneMinusX.Length != dSigmaDxGeVm2.Length || oneMinusX.Length < 2)
            throw new ArgumentException("w and dσ/dx need the same length ≥ 2");
        OneMinusX = oneMinusX;
        DSigmaDxGeVm2 = dSigmaDxGeVm2;
    }

    /// <summary>Nodes w = 1 − x, ascending.</summary>
    public double[] OneMinusX { get; }

    /// <summary>dσ/dx at the nodes, GeV⁻² at ε = 1.</summary>
    public double[] DSigmaDxGeVm2 { get; }

    /// <summary>
    /// σ(x &gt; x_c) in GeV⁻² by the trapezoid rule in ln w (∫dx f = ∫ d ln w · w f), with a partial last
    /// interval when 1 − x_c falls between nodes. Values of x_c below the grid use the whole grid.
    /// </summary>
    public double IntegralAbove(double xCut)
    {
        double wc = 1.0 - xCut;
        double[] w = OneMinusX, f = DSigmaDxGeVm2;
        double sum = 0;
        for (int i = 0; i + 1 < w.Length; i++)
        {
            double w0 = w[i], w1 = w[i + 1];
            if (w0 >= wc) break;
            double g0 = w0 * f[i], g1 = w1 * f[i + 1];
            double l0 = Math.Log(w0), l1 = Math.Log(w1);
            if (w1 <= wc)
            {
                sum += 0.5 * (l1 - l0) * (g0 + g1);
            }
            else
            {
                double lc = Math.Log(wc), s = (lc - l0) / (l1 - l0);
                double gc = g0 + s * (g1 - g0);
                sum += 0.5 * (lc - l0) * (g0 + gc);
            }
        }
        return sum;
    }

    /// <summary>σ over the whole grid, GeV⁻².</summary>
    public double Integral() => IntegralAbove(1.0 - OneMinusX[^1]);
}
