namespace Emiss.Analysis.Sidebands;

/// <summary>
/// Method 2 of the seed's background estimate: the events observed in a sideband are fitted with a central shape and
/// its variations, and each is extrapolated into the signal box; the central shape's box count is the estimate and the
/// largest distance of a variation from it the systematic uncertainty ("extrapolating the observed events to the signal
/// region assessing the systematic uncertainties by varying the background fit models", NA64, PRL 118, 011802 (2017);
/// docs/physics/background-method2.md#models). The box count of a shape f is W·∫_box f / ∫_fit f, with W the summed
/// weight of the sideband's events in the fit range; its statistical error is the Poisson error of W propagated with
/// the same ratio: √(Σw²), or, for an empty sideband, the 68.27 % CL upper limit of a Poisson mean with none observed
/// (−ln 0.3173 = 1.148 events of weight 1: the pseudo-data's events are unweighted except capped sources).
/// </summary>
public static class SidebandExtrapolation
{
    /// <summary>68.27 % CL upper limit of a Poisson mean when no event is observed: 1 − e^(−μ) = 0.6827.</summary>
    public static readonly double EmptySidebandError = -Math.Log(1 - 0.6827);

    /// <summary>Extrapolates the sideband values <paramref name="values"/> with weights <paramref name="weights"/>; values
    /// outside the spec's fit range are not used.</summary>
    public static SidebandEstimate Estimate(SidebandSpec spec, IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        if (values.Count != weights.Count) throw new ArgumentException("one weight per value");
        if (!(spec.FitLo < spec.FitHi && spec.BoxLo < spec.BoxHi)) throw new ArgumentException("ranges must be non-empty");
        var x = new List<double>();
        var w = new List<double>();
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] < spec.FitLo || values[i] >= spec.FitHi) continue;
            x.Add(values[i]);
            w.Add(weights[i]);
        }
        double sum = w.Sum(), error = x.Count == 0 ? EmptySidebandError : Math.Sqrt(w.Sum(v => v * v));
        var models = new List<ModelResult>();
        foreach (ExtrapolationModel m in spec.Models)
        {
            // With fewer than two events the exponential's slope is not constrained: it stays flat.
            double p = m == ExtrapolationModel.Exponential && x.Count >= 2 ? FitSlope(x, w, spec) : 0.0;
            double ratio = Integral(m, p, spec.BoxLo, spec.BoxHi, spec.BeamEnergyGeV) / Integral(m, p, spec.FitLo, spec.FitHi, spec.BeamEnergyGeV);
            models.Add(new ModelResult(m, p, sum * ratio, error * ratio));
        }
        return new SidebandEstimate(spec.Name, x.Count, sum, models);
    }

    /// <summary>∫ of the unnormalised density over [a, b) (for the bremsstrahlung loss, b &lt; E₀).</summary>
    public static double Integral(ExtrapolationModel m, double p, double a, double b, double beamEnergyGeV) => m switch
    {
        ExtrapolationModel.Flat => b - a,
        ExtrapolationModel.Exponential => Math.Abs(p) < 1e-9 ? b - a : (Math.Exp(-p * a) - Math.Exp(-p * b)) / p,
        ExtrapolationModel.BremsstrahlungLoss => beamEnergyGeV * (BremsstrahlungPrimitive(b / beamEnergyGeV) - BremsstrahlungPrimitive(a / beamEnergyGeV)),
        _ => throw new ArgumentOutOfRangeException(nameof(m)),
    };

    /// <summary>Primitive of f(x) = (1 − x) + (4/3)·x/(1 − x), the spectrum (1/y)(4/3 − 4/3·y + y²) at y = 1 − x.</summary>
    private static double BremsstrahlungPrimitive(double x) => x - x * x / 2 + 4.0 / 3.0 * (-x - Math.Log(1 - x));

    /// <summary>The weighted maximum-likelihood slope: maximises Σ wᵢ ln f(xᵢ) − (Σ wᵢ) ln ∫_fit f by golden-section
    /// search within [MinSlope, MaxSlope] (the log-likelihood of an exponential family is concave in λ).</summary>
    internal static double FitSlope(IReadOnlyList<double> x, IReadOnlyList<double> w, SidebandSpec spec)
    {
        double sw = 0, swx = 0;
        for (int i = 0; i < x.Count; i++) { sw += w[i]; swx += w[i] * x[i]; }
        double LogL(double p) => -p * swx - sw * Math.Log(Integral(ExtrapolationModel.Exponential, p, spec.FitLo, spec.FitHi, 0));
        const double g = 0.6180339887498949;
        double a = spec.MinSlope, b = spec.MaxSlope;
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
/// <param name="Parameter">Its fitted parameter (λ per unit of the variable; 0 for a shape without one).</param>
/// <param name="BoxEvents">Expected events in the box.</param>
/// <param name="StatError">Poisson error of the sideband count propagated to the box.</param>
public sealed record ModelResult(ExtrapolationModel Model, double Parameter, double BoxEvents, double StatError);

/// <summary>A sideband's extrapolation by its central model (first) and its variations.</summary>
/// <param name="Sideband">Name (A or C).</param>
/// <param name="SidebandEvents">Events in the sideband's fit range.</param>
/// <param name="SidebandWeighted">Their summed weight.</param>
/// <param name="Models">Each model's result, the central one first.</param>
public sealed record SidebandEstimate(string Sideband, int SidebandEvents, double SidebandWeighted, IReadOnlyList<ModelResult> Models)
{
    /// <summary>The central model's result.</summary>
    public ModelResult Central => Models[0];

    /// <summary>The estimate: the central model's box count.</summary>
    public double BoxEvents => Central.BoxEvents;

    /// <summary>Systematic: the largest distance of a variation's box count from the central one.</summary>
    public double SystError => Models.Max(m => Math.Abs(m.BoxEvents - Central.BoxEvents));

    /// <summary>Statistical error of the central model.</summary>
    public double StatError => Central.StatError;
}
