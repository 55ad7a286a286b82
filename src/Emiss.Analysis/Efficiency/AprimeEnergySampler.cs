using Emiss.Core.Materials;
using Emiss.Core.Units;
using Emiss.Physics.DarkProduction;

namespace Emiss.Analysis.Efficiency;

/// <summary>
/// Samples the A′ energy fraction x = E_A′/E0 of signal events from dσ/dx of the beam electron on lead, restricted to
/// the signal range x ≥ x_min (E_A′ &gt; 0.5·E0 in the seed). Above 50 GeV the primary electron dominates the emission
/// (docs/physics/signal-yield-analytic.md#rossi-approximations), so its spectrum at E0 is the A′ spectrum of the
/// signal box. Inverse-CDF sampling on a grid of 2000 cells in x with linear interpolation inside a cell.
/// </summary>
public sealed class AprimeEnergySampler
{
    private const int Cells = 2000;
    private readonly double[] _x = new double[Cells + 1];
    private readonly double[] _cdf = new double[Cells + 1];

    /// <summary>Builds the sampler for mass <paramref name="massMeV"/> at beam energy <paramref name="beamGeV"/>.</summary>
    public AprimeEnergySampler(IDarkProductionModel model, double massMeV, double beamGeV, double xMin)
    {
        ArgumentNullException.ThrowIfNull(model);
        double xMax = 1 - massMeV * 1e-3 / beamGeV;
        if (!(xMin > 0 && xMin < xMax)) throw new ArgumentOutOfRangeException(nameof(xMin), xMin, $"x_min must lie in (0, {xMax}) for m = {massMeV} MeV");
        ElementComponent pb = MaterialCatalog.Lead.DominantElement;
        var p = new DarkParameters(Mass.FromMeV(massMeV), 1.0);
        double prev = 0;
        for (int i = 0; i <= Cells; i++)
        {
            _x[i] = xMin + (xMax - xMin) * i / Cells;
            double f = model.DifferentialCrossSectionCm2(pb, beamGeV, Math.Min(_x[i], xMax * (1 - 1e-9)), p);
            if (i > 0) _cdf[i] = _cdf[i - 1] + 0.5 * (f + prev) * (_x[i] - _x[i - 1]);
            prev = f;
        }
        double total = _cdf[Cells];
        if (!(total > 0)) throw new InvalidOperationException($"dσ/dx vanishes above x = {xMin} for m = {massMeV} MeV");
        for (int i = 0; i <= Cells; i++) _cdf[i] /= total;
    }

    /// <summary>x for a uniform deviate <paramref name="u"/> ∈ [0, 1).</summary>
    public double Sample(double u)
    {
        int i = Array.BinarySearch(_cdf, u);
        if (i >= 0) return _x[i];
        i = ~i;
        if (i == 0) return _x[0];
        if (i > Cells) return _x[Cells];
        double t = (u - _cdf[i - 1]) / Math.Max(_cdf[i] - _cdf[i - 1], 1e-300);
        return _x[i - 1] + t * (_x[i] - _x[i - 1]);
    }

    /// <summary>Mean x of the sampled distribution (for tests).</summary>
    public double MeanX()
    {
        double m = 0;
        for (int i = 1; i <= Cells; i++) m += 0.5 * (_x[i] + _x[i - 1]) * (_cdf[i] - _cdf[i - 1]);
        return m;
    }
}
