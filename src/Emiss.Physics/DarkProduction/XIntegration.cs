using Emiss.Core.Numerics;

namespace Emiss.Physics.DarkProduction;

/// <summary>
/// ∫ dx f(x) over [x_lo, x_hi] for the forward-peaked spectra of docs/physics/dark-production.md#expected-behaviour: the lower half in z = sqrt(x − x_lo)
/// (removes the β ∝ sqrt edge at x = m/E), the upper half in ln(1 − x) (resolves the 1/(1−x) rise).
/// </summary>
internal static class XIntegration
{
    public static double Integrate(Func<double, double> f, double xLo, double xHi, int lowPanels = 4, int highPanels = 16)
    {
        if (!(xHi > xLo)) return 0.0;
        double xMid = 0.5 * (xLo + xHi);
        double low = GaussLegendre.Integrate(z => 2.0 * z * f(xLo + z * z), 0.0, Math.Sqrt(xMid - xLo), lowPanels);
        double high = GaussLegendre.Integrate(
            l => { double w = Math.Exp(l); return w * f(1.0 - w); },
            Math.Log(1.0 - xHi), Math.Log(1.0 - xMid), highPanels);
        return low + high;
    }
}
