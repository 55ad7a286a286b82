namespace Emiss.Analysis.Sidebands;

/// <summary>
/// Method 2 of the seed's background estimate: the events observed in a sideband are fitted with several shapes and
/// each shape is extrapolated into the signal box; the models' mean is the estimate and their spread its systematic
/// uncertainty ("extrapolating the observed events to the signal region assessing the systematic uncertainties by
/// varying the background fit models", NA64, PRL 118, 011802 (2017); docs/physics/background-method2.md#models).
/// The expected box count of a shape f is N_side·∫_box f / ∫_side f; its statistical error is that of N_side (Poisson).
/// </summary>
public static class SidebandExtrapolation
{
    /// <summary>Extrapolates the sideband values <paramref name="side"/> (all within [sideLo, sideHi)) into [boxLo, boxHi).</summary>
    public static SidebandEstimate Estimate(string name, IReadOnlyList<double> side, double sideLo, double sideHi, double boxLo, double boxHi)
    {
        ArgumentNullException.ThrowIfNull(side);
        if (!(sideLo < sideHi && boxLo < boxHi)) throw new ArgumentException("ranges must be non-empty");
        var models = new List<ModelResult>();
        int n = side.Count;
        foreach (ExtrapolationModel m in Enum.GetValues<ExtrapolationModel>())
        {
            if (m == ExtrapolationModel.PowerLaw && !(Math.Min(sideLo, boxLo) > 0)) continue; // x^−k needs x > 0
            double p = n >= 2 ? Fit(m, side, sideLo, sideHi) : 0.0; // with fewer than two events the shape is not constrained: flat
            double ratio = Integral(m, p, boxLo, boxHi) / Integral(m, p, sideLo, sideHi);
            models.Add(new ModelResult(m, p, n * ratio, Math.Sqrt(Math.Max(n, 1)) * ratio));
        }
        return new SidebandEstimate(name, n, models);
    }

    /// <summary>∫ of the unnormalised density over [a, b).</summary>
    public static double Integral(ExtrapolationModel m, double p, double a, double b) => m switch
    {
        ExtrapolationModel.Flat => b - a,
        ExtrapolationModel.Exponential => Math.Abs(p) < 1e-9 ? b - a : (Math.Exp(-p * a) - Math.Exp(-p * b)) / p,
        ExtrapolationModel.PowerLaw => Math.Abs(p - 1) < 1e-9 ? Math.Log(b / a) : (Math.Pow(b, 1 - p) - Math.Pow(a, 1 - p)) / (1 - p),
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    /// <summary>The maximum-likelihood parameter: maximises Σ ln f(x_i) − n ln ∫_side f by golden-section search.</summary>
    internal static double Fit(ExtrapolationModel m, IReadOnlyList<double> x, double lo, double hi)
    {
        if (m == ExtrapolationModel.Flat) return 0;
        // Parameter ranges wide enough for any physical sideband: λ·(hi − lo) within ±50, k within ±20.
        double a = m == ExtrapolationModel.Exponential ? -50 / (hi - lo) : -20, b = -a;
        double LogL(double p)
        {
            double s = 0;
            foreach (double v in x) s += m == ExtrapolationModel.Exponential ? -p * v : -p * Math.Log(v);
            return s - x.Count * Math.Log(Integral(m, p, lo, hi));
        }
        const double g = 0.6180339887498949;
        double c = b - g * (b - a), d = a + g * (b - a);
        for (int i = 0; i < 200; i++)
        {
            if (LogL(c) > LogL(d)) b = d; else a = c;
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return 0.5 * (a + b);
    }
}

/// <summary>One model's extrapolation.</summary>
/// <param name="Model">The shape.</param>
/// <param name="Parameter">Its fitted parameter (λ per unit of x, or the power k; 0 for flat).</param>
/// <param name="BoxEvents">Expected events in the box.</param>
/// <param name="StatError">Poisson error of the sideband count propagated to the box.</param>
public sealed record ModelResult(ExtrapolationModel Model, double Parameter, double BoxEvents, double StatError);

/// <summary>A sideband's extrapolation by every model.</summary>
/// <param name="Sideband">Name (A or C).</param>
/// <param name="SidebandEvents">Events observed in the sideband.</param>
/// <param name="Models">Each model's result.</param>
public sealed record SidebandEstimate(string Sideband, int SidebandEvents, IReadOnlyList<ModelResult> Models)
{
    /// <summary>Mean over models.</summary>
    public double BoxEvents => Models.Average(m => m.BoxEvents);

    /// <summary>Half the spread of the models (systematic).</summary>
    public double SystError => (Models.Max(m => m.BoxEvents) - Models.Min(m => m.BoxEvents)) / 2;

    /// <summary>Mean statistical error over models.</summary>
    public double StatError => Models.Average(m => m.StatError);
}
